for n in [1, 2, 3, 4, 5, 6]:
    if n % 2:
        continue
    print(n)
