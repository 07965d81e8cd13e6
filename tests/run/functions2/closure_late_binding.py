def make():
    fs = []
    i = 0
    while i < 3:
        def f():
            return i
        fs.append(f)
        i += 1
    return fs

for f in make():
    print(f())
