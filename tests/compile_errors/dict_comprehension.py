# error: 2:5: a dict comprehension is not supported by Molt yet
d = {k: k for k in 'ab'}
