t = (1, "two", 3.0)
print(t, t[1], t[-1], t[0:2])
print((1,), ())
a, b, c = t
print(a, b, c)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abc"
print(init, last)
