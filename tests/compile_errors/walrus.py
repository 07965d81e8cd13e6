# error: 2:8: the assignment expression (':=') is not supported by Molt yet
print((y := 3))
