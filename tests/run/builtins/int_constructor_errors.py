def attempt(f, x):
    return f(x)

print(int("12"))
print(attempt(int, "12abc"))
