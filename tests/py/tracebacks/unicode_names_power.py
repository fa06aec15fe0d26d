def héllo(a):
    return a ** "é"
héllo(2)
