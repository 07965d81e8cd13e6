def scale(xs, factor):
    return [x * factor for x in xs]

def make_adders():
    return [lambda v, n=n: v + n for n in range(3)]

print(scale([1, 2, 3], 10), [f(10) for f in make_adders()])
class Grid:
    size = 3
    cells = [i * 2 for i in range(4)]
print(Grid.cells)
