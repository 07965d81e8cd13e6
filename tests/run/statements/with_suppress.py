class Suppress:
    def __init__(self, kind):
        self.kind = kind
    def __enter__(self):
        return None
    def __exit__(self, exc_type, exc, tb):
        return exc_type is not None and issubclass(exc_type, self.kind)

with Suppress(ZeroDivisionError):
    print(1 / 0)
print("suppressed")
def f():
    for i in range(3):
        with Suppress(KeyError):
            if i == 1:
                continue
            if i == 2:
                return "returned at " + str(i)
            print("loop", i)
print(f())
with Suppress(KeyError):
    raise TypeError("not suppressed")
