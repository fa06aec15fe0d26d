s = "abc"
print(f"{s + 1}")
