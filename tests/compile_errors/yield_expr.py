# error: 3:5: 'yield' is not supported by Molt yet
def gen():
    yield 1
