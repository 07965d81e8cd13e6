for i in [5, 6, 7]:
    pass
print(i)
def f():
    for k in []:
        pass
    return k
print(f())
