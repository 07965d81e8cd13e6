def f(a):
    return a

k = f
print(k(b=1))
