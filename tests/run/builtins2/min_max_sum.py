print(min(3, 1, 2), max([4, 9, 2]), max("abc"), min([1, 2], key=lambda x: -x))
print(max([], default="empty"), min((5,)))
print(sum([1, 2, 3]), sum([0.1] * 10), sum([1e100, 1.0, -1e100]), sum([1e100, 1, -1e100]))
print(sum([[1], [2]], []), sum([], 5.5), sum([1, 0.1, 0.2]), sum(range(101)))
print(sum([2 ** 62, 2 ** 62, 2 ** 62]))
for bad in [lambda: min(), lambda: max([]), lambda: sum(["a"], "")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e) is TypeError, e)
