# error: 2:1: the 'with' statement is not supported by Molt yet
with open('x') as f:
    pass
