# error: 2:1: the 'try' statement is not supported by Molt yet
try:
    pass
except ValueError:
    pass
