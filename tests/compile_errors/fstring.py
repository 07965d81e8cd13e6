# error: 3:7: an f-string is not supported by Molt yet
x = 1
print(f"{x}")
