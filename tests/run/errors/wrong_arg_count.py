def f(a, b):
    return a + b

g = f
print(g(1, 2))
print(g(1))
