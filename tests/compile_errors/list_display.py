# error: 2:5: a list display is not supported by Molt yet
x = [1, 2]
