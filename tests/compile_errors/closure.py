# error: 3:5: a 'def' inside a function (closures) is not supported by Molt yet
def outer():
    def inner():
        return 1
    return inner
