print(str(), str(42), str(1.25), str(None), str(True), str("x"), str(2 ** 80))
print(bool(), bool(0), bool(1), bool(""), bool("a"), bool(0.0), bool(None))
print(str(3) + "!", int, float, str, bool)
