def parse_all(items):
    out = []
    for s in items:
        try:
            out.append(int(s))
        except ValueError:
            out.append(-1)
    return out

print(parse_all(["1", "x", "22", "3.5", "-4"]))
