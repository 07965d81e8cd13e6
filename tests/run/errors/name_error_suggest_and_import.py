rc = 1
def f():
    return re
f()
