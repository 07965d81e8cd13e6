def shout(fn):
    def wrapper(x):
        return fn(x).upper() + "!"
    return wrapper

def twice(fn):
    def wrapper(x):
        return fn(fn(x))
    return wrapper

@shout
def hello(name):
    return "hello " + name

@twice
def inc(n):
    return n + 1

print(hello("world"))
print(inc(5))
@twice
@twice
def double(n):
    return n * 2
print(double(1))
