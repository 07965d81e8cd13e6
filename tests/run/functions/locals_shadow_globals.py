x = "global"

def f():
    x = "local"
    return x

print(f(), x)
