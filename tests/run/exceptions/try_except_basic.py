def divide(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return "div by zero"

print(divide(7, 2), divide(1, 0))
