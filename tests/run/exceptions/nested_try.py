def f(n):
    try:
        try:
            if n == 0:
                raise ValueError("inner")
            return 10 // n
        except ValueError:
            print("inner handler")
            raise TypeError("converted")
        finally:
            print("inner finally", n)
    except TypeError as e:
        print("outer handler:", e)
        return -1

print(f(2))
print(f(0))
