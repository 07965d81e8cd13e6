x = 5
print(1 < x < 10, 1 < x > 10, 1 <= 1 < 2 <= 2, 3 > 2 > 1 > 0)
print(1 == 1 == 1.0, 1 < 2 == 2 < 3)
print(x is x, None is None, x is not None)
