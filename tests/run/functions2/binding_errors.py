def f(a, b=2):
    return a + b

for call in [lambda: f(), lambda: f(1, 2, 3), lambda: f(1, a=1), lambda: f(1, c=5)]:
    try:
        call()
    except TypeError as e:
        print(e)
def g(a, b, c):
    pass
try:
    g()
except TypeError as e:
    print(e)
def h(*, x, y):
    pass
try:
    h()
except TypeError as e:
    print(e)
try:
    h(1, x=1)
except TypeError as e:
    print(e)
