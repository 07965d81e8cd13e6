# error: 3:1: unpacking assignment is not supported by Molt yet
x = 1
a, b = x
