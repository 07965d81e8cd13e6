# f(*args, **kwargs): spreading sequences and mappings into calls.
def f(a, b=0, *rest, c=None, **kw):
    return a, b, rest, c, sorted(kw.items())


args = [1, 2, 3]
print(f(*args))
print(f(*(5,)))
print(f(0, *args, 9))
print(f(*args, *"xy"))
print(f(*range(3), c=4))
print(f(**{"a": 1, "b": 2}))
print(f(1, **{"c": 3, "z": 26}))
print(f(*[1], **{"b": 2}, c=3, **{"d": 4}))
print(f(a=1, **{"q": 0}, r=2))
print(f(*iter([7, 8])))
print(f(*{10: "x"}))
print(f(*(i * i for i in range(4))))
print(max(*[3, 9, 2]), min(*"hello"))
print(*[1, 2, 3], sep="-")
print(*"abc", **{"sep": "|", "end": "!\n"})
words = ["b", "a"]
print(sorted(*[words], **{"reverse": True}))


class K:
    def m(self, *a, **k):
        return a, k

    @staticmethod
    def s(*a):
        return a


k = K()
print(k.m(*[1, 2], **{"x": 1}))
print(K.s(*"ab"))
print(K.m(k, *(3,)))
print((lambda *a, **kw: (a, kw))(*[1], **{"y": 2}))


def kwonly(*, x, y=2):
    return x, y


print(kwonly(**{"x": 1}))
d = dict(**{"a": 1}, b=2)
print(d)


class Mapping:
    def keys(self):
        return ["p", "q"]

    def __getitem__(self, k):
        return k.upper()


print(f(0, **Mapping()))
