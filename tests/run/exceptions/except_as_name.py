try:
    x = 1 / 0
except ZeroDivisionError as e:
    print("caught:", e)
    print(e is e)
try:
    print(e)
except NameError as n:
    print("unbound after handler:", n)
