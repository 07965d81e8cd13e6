# error: 2:9: class keyword arguments (metaclass=...) is not supported by Molt yet
class A(metaclass=type):
    pass
