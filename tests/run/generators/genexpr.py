# Generator expressions: laziness, scoping, first iterable evaluated eagerly.
print(sum(x * x for x in range(10)))
print(list(x for x in "abc" if x != "b"))
print(list((a, b) for a in range(3) for b in range(a)))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, -1]))
g = (x + 1 for x in [1, 2, 3])
print(next(g), list(g), list(g))
print(g.__name__, g.__qualname__)


def f():
    k = 10
    return list(x + k for x in range(3))


print(f())


def outer():
    def get():
        return (i for i in range(n))
    n = 3
    return get()


print(list(outer()))

try:
    (x for x in 5)
except TypeError as e:
    print("TypeError:", e)

events = []


def src():
    events.append("iter")
    return [1, 2]


lazy = (events.append(v) or v for v in src())
print(events)
print(list(lazy), events)
nested = list(list(c for c in w) for w in ["ab", "cd"])
print(nested)
print(max((len(w), w) for w in "a bb ccc".split()))
x = "outer"
print(list(x for x in "yz"), x)
print(set(v % 3 for v in range(10)), tuple(v for v in range(3)))
print(dict((k, k * 2) for k in range(3)))
