x = {}
print(x["é"]   )   
