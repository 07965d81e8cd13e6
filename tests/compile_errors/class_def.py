# error: 2:1: the 'class' statement is not supported by Molt yet
class A:
    pass
