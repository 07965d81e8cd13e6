def total(n):
    s = 0
    i = 0
    while i < n:
        s += i * i % 7
        i += 1
    return s


print(total(10000000))
