squares = [x * x for x in range(6)]
evens = [x for x in range(10) if x % 2 == 0]
pairs = [(a, b) for a in range(3) for b in "xy" if a != 1]
print(squares, evens, pairs)
x = "unchanged"
print([x for x in "abc"], x)
print([[j * i for j in range(3)] for i in range(3)])
