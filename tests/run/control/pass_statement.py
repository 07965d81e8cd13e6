def nothing():
    pass

if True:
    pass
print(nothing())
