# Values live across suspension points (arguments, partially evaluated
# expressions, loop iterators, locals) survive and are released.
def args(a, b=2, *rest, **kw):
    yield a
    yield b
    yield rest
    yield sorted(kw.items())


print(list(args(1, 3, 4, 5, x=1, y=2)))


def partial():
    print("sum", (yield "first") + (yield "second"))
    yield [(yield "inner"), (yield "inner2")]


p = partial()
print(next(p))
print(p.send(10))
print(p.send(20))


def holds_many():
    big = [i for i in range(100)]
    text = "x" * 50
    d = {"k": big}
    for i in range(3):
        yield len(big) + len(text) + len(d) + i


print(list(holds_many()))
g = holds_many()
next(g)
del g


def counter_gen():
    total = 0
    while True:
        step = yield total
        if step is None:
            return total
        total += step


c = counter_gen()
next(c)
for s in [1, 2, 3]:
    print(c.send(s))
try:
    c.send(None)
except StopIteration as e:
    print("final", e.value)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


import_free = []
for i, v in zip(range(100), fib()):
    if i % 20 == 0:
        import_free.append(v)
print(import_free)


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain([1], (2, 3), "ab", range(2), {5: 6})))


class Node:
    def __init__(self, v, kids=()):
        self.v = v
        self.kids = kids

    def walk(self):
        yield self.v
        for k in self.kids:
            yield from k.walk()


t = Node(1, [Node(2, [Node(3)]), Node(4)])
print(list(t.walk()))


def closure_gen():
    n = 0

    def bump():
        nonlocal n
        n += 1
        return n

    while n < 3:
        yield bump()


print(list(closure_gen()))
