# CPython's TypeErrors for bad * and ** arguments.
def f(*a, **k):
    return a, k


class C:
    def m(self, *a, **k):
        return a, k


def show(thunk):
    try:
        print(thunk())
    except TypeError as e:
        print("TypeError:", e)


show(lambda: f(*5))
show(lambda: f(**5))
show(lambda: f(**{"a": 1}, **{"a": 2}))
show(lambda: f(a=1, **{"a": 2}))
show(lambda: f(**{"a": 1}, a=2))
show(lambda: print(*5))
show(lambda: len(*5))
show(lambda: C().m(*5))
show(lambda: C.m(*5))
show(lambda: C().m(**{1: 2}))
show(lambda: f(**{1: 2}))
show(lambda: f(*[1], *5))
show(lambda: f(1, *5))
show(lambda: f(*5, a=1))
show(lambda: f(a=1, **5))
show(lambda: f(**[]))
show(lambda: C(*5))
show(lambda: f(**{"b": 1}, **{"a": 1}, **{"b": 2}))


def two(a, b):
    return a + b


show(lambda: two(*[1, 2, 3]))
show(lambda: two(*[1], **{"a": 5}))
show(lambda: two(**{"a": 1, "b": 2, "c": 3}))
print(two(*[1], **{"b": 5}))
