x = 5
x += 3
print(x)
x -= 10
print(x)
x *= -4
print(x)
x //= 3
print(x)
x %= 5
print(x)
x **= 3
print(x)
y = 1.5
y /= 2
print(y)
s = "ab"
s += "cd"
s *= 2
print(s)
