# error: 2:12: a generator expression is not supported by Molt yet
total = sum(x for x in [1, 2])
