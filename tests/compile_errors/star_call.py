# error: 3:3: a '*' argument in a call is not supported by Molt yet
args = [1]
f(*args)
