def f(xs_len):
    count = 0
    try:
        count = 1
        count = count + 10
        count = count // (xs_len - 3)
        count = 100
    except ZeroDivisionError:
        print("count at failure:", count)
    return count

print(f(3))
print(f(4))
