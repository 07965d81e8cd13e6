a = "foo"
b = "bar"
print(a + b, a * 3, 2 * b, "-" * 10)
print("" * 5, "x" * 0, "y" * -1)
