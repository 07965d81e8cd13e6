x = 10
y = x
x = 20
print(x, y)
a = b = c = 7
print(a, b, c)
