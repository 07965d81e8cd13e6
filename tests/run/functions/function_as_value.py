def double(x):
    return x * 2

f = double
print(f(21))
g = print
g("via alias", 1, 2)
