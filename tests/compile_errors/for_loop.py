# error: 3:1: the 'for' statement is not supported by Molt yet
x = 0
for i in x:
    pass
