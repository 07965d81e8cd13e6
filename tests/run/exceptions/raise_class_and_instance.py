try:
    raise ValueError
except ValueError as e:
    print("class raised:", str(e) == "")
try:
    raise ValueError("with message", 2)
except ValueError as e:
    print(e)
raise KeyError("missing")
