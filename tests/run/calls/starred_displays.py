# Starred items in list, tuple, set and dict displays.
a = [1, 2]
b = (3, 4)
print([*a, *b], [0, *a, 5], [*a], [*"xy", *range(2)])
print((*a, *b), (*a,), (0, *b, 9))
print({*a, *b, 1}, {*"aab"} == {"a", "b"})
d1 = {"x": 1, "y": 2}
print({**d1, "z": 3}, {"x": 0, **d1}, {**d1, "x": 9}, {**d1, **{"w": 0}})
print({**{}})
gen = (i for i in range(3))
print([*gen, *gen])
first, *rest = [*a, *b]
print(first, rest)


def bad(kind):
    try:
        if kind == 0:
            return [*5]
        if kind == 1:
            return (*5,)
        if kind == 2:
            return {*5}
        if kind == 3:
            return {**5}
        return {**[1]}
    except TypeError as e:
        return "TypeError: " + str(e)


for k in range(5):
    print(bad(k))


class M:
    def keys(self):
        return iter(["k"])

    def __getitem__(self, key):
        return 42


print({**M(), "j": 1})
