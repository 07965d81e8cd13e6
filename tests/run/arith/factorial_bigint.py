def fact(n):
    r = 1
    while n > 1:
        r = r * n
        n = n - 1
    return r

print(fact(20))
print(fact(30))
print(fact(50))
