pairs = [(1, "one"), (2, "two"), (3, "three")]
for num, name in pairs:
    print(num, name)
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a + b + c)
