# error: 2:2: a decorator is not supported by Molt yet
@print
def f():
    pass
