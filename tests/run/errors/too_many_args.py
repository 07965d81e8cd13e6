def f(a):
    return a

h = f
print(h(1, 2, 3))
