def f():
    return later_value

f()
later_value = 1
