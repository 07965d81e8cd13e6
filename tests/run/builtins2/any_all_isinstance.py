print(any([0, "", None]), any([0, 1]), all([1, "x"]), all([]), any([]))
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance("s", (int, (str,))))
print(issubclass(bool, int), issubclass(int, bool), isinstance(ValueError("x"), Exception))
print(callable(print), callable(5), callable(len), callable(int))
try:
    isinstance(1, 5)
except TypeError as e:
    print(e)
