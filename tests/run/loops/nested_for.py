for i in [1, 2, 3]:
    for j in [10, 20]:
        if j == 20 and i == 2:
            break
        print(i * j)
