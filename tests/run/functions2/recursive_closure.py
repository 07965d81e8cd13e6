def fact(n):
    def go(k, acc):
        if k <= 1:
            return acc
        return go(k - 1, acc * k)
    return go(n, 1)

print(fact(20))
