print(type(1), type("s"), type(1.5), type([]), type(None), type(True))
print(type(1) is int, type(ValueError()) is ValueError)
