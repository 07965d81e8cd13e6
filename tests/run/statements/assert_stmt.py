assert 1 + 1 == 2
assert True, "never"
try:
    assert 2 < 1, "math is broken"
except AssertionError as e:
    print("caught:", e)
x = []
assert x, "empty list: " + str(len(x))
