# Generator resumption: a while-loop generator and a generator expression.
def gen(n):
    i = 0
    while i < n:
        yield i
        i += 1

total = 0
for v in gen(5000000):
    total += v
print(total)
print(sum(x * 2 for x in range(3000000)))
