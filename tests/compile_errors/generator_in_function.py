# error: 4:5: a generator expression is not supported by Molt yet
def f():
    xs = [1]
    (x for x in xs)
