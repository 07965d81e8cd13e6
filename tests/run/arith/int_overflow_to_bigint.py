x = 2 ** 47
print(x, x - 1, -x, -x - 1)
print(x * x)
print(2 ** 64, 2 ** 100)
y = 140737488355327
print(y + 1, y * 2, y * y)
print(-140737488355328 - 1)
