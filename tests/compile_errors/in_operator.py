# error: 3:7: the 'in' operator is not supported by Molt yet
x = 1
print(x in x)
