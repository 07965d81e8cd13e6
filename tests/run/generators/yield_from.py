# yield from: delegation of next/send/throw/close and the result value.
def inner():
    x = yield 1
    print("inner got", x)
    yield 2
    return 42


def outer():
    r = yield from inner()
    print("result", r)
    yield from [7, 8]
    r2 = yield from range(2)
    print("range result", r2)


print(list(outer()))
o = outer()
print(next(o))
print(o.send("hi"))
print(list(o))


def tree(n):
    if n == 0:
        return
    yield from tree(n - 1)
    yield n
    yield from tree(n - 1)


print(list(tree(3)))


def catcher():
    while True:
        try:
            yield "ready"
        except KeyError as e:
            print("inner caught", repr(e))


def delegator():
    yield from catcher()


d = delegator()
print(next(d))
print(d.throw(KeyError("k")))
d.close()
print("closed")


def closer():
    try:
        yield 1
    finally:
        print("inner finally")


def deleg2():
    try:
        yield from closer()
    finally:
        print("outer finally")


c = deleg2()
next(c)
c.close()


def returns_early():
    return "early"
    yield


def wrap():
    v = yield from returns_early()
    yield v


print(list(wrap()))


class Sendable:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration("custom")
        return self.n

    def send(self, v):
        print("send", v)
        return self.__next__()


def use_sendable():
    r = yield from Sendable()
    yield "got " + r


s = use_sendable()
print(next(s), s.send("a"), s.send("b"), next(s))


def gen_of_exhausted():
    g = inner()
    for _ in g:
        pass
    r = yield from g
    yield r


print(list(gen_of_exhausted()))


def thrower_child():
    yield 1
    yield 2


def parent():
    try:
        yield from thrower_child()
    except ValueError as e:
        yield "parent caught " + str(e)


p = parent()
next(p)
print(p.throw(ValueError("v")))
try:
    yield_from_non_iterable = (lambda: (yield from 5))()
    next(yield_from_non_iterable)
except TypeError as e:
    print("TypeError:", e)
