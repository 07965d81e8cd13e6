def f(a, *args, **kwargs):
    print(a, args, kwargs)

f(1)
f(1, 2, 3)
f(1, x=1, y=2)
f(1, 2, z=3)
def g(*args):
    return len(args) if False else args
print(g(), g(1, "two"))
