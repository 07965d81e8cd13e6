# error: 3:1: exec() is not supported: Molt compiles the whole program ahead of time and cannot run code created at run time
code = 'x = 1'
exec(code)
