square = lambda x: x * x
print(square(7))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print((lambda: "no args")())
def compose(f, g):
    return lambda x: f(g(x))
print(compose(square, lambda y: y + 1)(3))
