for_values = 0
if 0.0:
    print("no")
if "":
    print("no")
if "a":
    print("non-empty str is true")
if 2 ** 100:
    print("bigint is true")
if None:
    print("no")
else:
    print("None is false")
