a = {"k": [1, 2]}
b = 0
print(a["k"][1] // b)
