# error: 3:7: attribute access is not supported by Molt yet
x = 1
print(x.real)
