print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default")
print(not 0, not 1, not "", not "x", not None)
print(True and False or True, (1 > 2) or (3 > 2))
x = 0
y = x and 1 / x
print(y)
