a = 3 ** 80
b = 7 ** 30
print(a // b, a % b)
print(-a // b, -a % b)
print(a // -b, a % -b)
print(a / b)
print((2 ** 100) // 3, (2 ** 100) % 3)
