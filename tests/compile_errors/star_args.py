# error: 2:1: a parameter other than a plain positional one is not supported by Molt yet
def f(*args):
    return 0
