def combine(a, b, c):
    return a * 100 + b * 10 + c

print(combine(1, 2, 3))
print(combine(c=3, a=1, b=2))
