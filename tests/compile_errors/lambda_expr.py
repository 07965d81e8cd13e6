# error: 2:5: 'lambda' is not supported by Molt yet
f = lambda x: x
