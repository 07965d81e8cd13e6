# error: 2:12: a default parameter value is not supported by Molt yet
def f(a, b=1):
    return a
