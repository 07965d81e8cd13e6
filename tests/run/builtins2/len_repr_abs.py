print(len("héllo"), len([1, 2, 3]), len((1,)), len({"a": 1}), len(range(10)))
print(repr("x"), repr(1.5), repr([1, "a"]), repr((1,)), repr(None))
print(abs(-5), abs(-2.5), abs(True), abs(-2 ** 70))
try:
    len(5)
except TypeError as e:
    print(e)
try:
    abs("x")
except TypeError as e:
    print(e)
