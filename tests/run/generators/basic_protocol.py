# next/send/StopIteration.value, exhaustion, return values, repr-free checks.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


for x in count(3):
    print(x)
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop value", repr(e.value))
try:
    next(g)
except StopIteration as e:
    print("again", repr(e.value), e.args)
print(next(g, "default"))
print(list(count(5)), list(count(0)))
print(type(g).__name__, g.__name__, g.__qualname__)
print(iter(g) is g)


def echo():
    r = yield 1
    while True:
        r = yield r * 2


e = echo()
print(next(e), e.send(5), e.send(10))
try:
    echo().send(3)
except TypeError as ex:
    print("TypeError:", ex)
fresh = echo()
print(fresh.send(None))


def no_yield_reached(flag):
    if flag:
        return 7
    yield 1


try:
    next(no_yield_reached(True))
except StopIteration as ex:
    print("returned", ex.value)


def lazy():
    print("body starts")
    yield 1


lz = lazy()
print("created")
print(next(lz))


class Box:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        for it in self.items:
            yield it * 10

    def pairs(self, *extra, **kw):
        for a in self.items + list(extra):
            yield a, kw.get("tag", "-")


b = Box([1, 2, 3])
print(list(b), sum(b), max(b))
print(list(b.pairs(4, tag="t")))
print(dict(zip("abc", count(3))))
print(" ".join(str(v) for v in count(4)))
print(sorted(count(4), reverse=True))
print(list(enumerate(count(3))))
print(list(map(lambda v: v + 1, count(3))))
lam = lambda: (yield 5)
lg = lam()
print(next(lg))
try:
    lg.send("x")
except StopIteration as ex:
    print("lambda returned", ex.value)
