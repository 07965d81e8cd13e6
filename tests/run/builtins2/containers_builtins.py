print(list(range(5)), tuple("abc"), dict(a=1, b=2), set([3, 1, 2]), frozenset([1]))
print(list(enumerate("ab", 1)), list(zip([1, 2], "xy")), list(map(lambda x: x * 2, [1, 2])))
print(list(filter(None, [0, 1, 2])), list(reversed([1, 2, 3])), sorted([3, 1, 2], reverse=True))
print(sorted(["b", "A", "c"], key=lambda s: s.lower()))
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
d = {"x": 1}
d["y"] = 2
print(d, d["x"], "y" in d, list(d.items()))
s = {1, 2}
s.add(3)
print(s, 2 in s, len(s))
