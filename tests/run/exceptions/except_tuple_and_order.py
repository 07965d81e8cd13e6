def classify(kind):
    try:
        if kind == 1:
            raise ValueError("bad value")
        elif kind == 2:
            raise TypeError("bad type")
        elif kind == 3:
            raise KeyError("k")
        return "no error"
    except (ValueError, TypeError) as e:
        return "value-or-type: " + str(e)
    except LookupError as e:
        return "lookup: " + str(e)

print(classify(0))
print(classify(1))
print(classify(2))
print(classify(3))
