def sign(n):
    return "+" if n > 0 else "-" if n < 0 else "0"

print(sign(5), sign(-3), sign(0))
