# error: 2:7: eval() is not supported: Molt compiles the whole program ahead of time and cannot run code created at run time
print(eval('1 + 1'))
