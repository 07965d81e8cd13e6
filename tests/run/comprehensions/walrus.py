data = [1, 5, 12, 7, 30]
if (n := len(data)) > 3:
    print("long list", n)
big = [y for x in data if (y := x * 2) > 10]
print(big, y)
def f():
    total = 0
    vals = [total := total + v for v in [1, 2, 3]]
    return vals, total
print(f())
