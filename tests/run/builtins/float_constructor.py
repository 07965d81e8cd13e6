print(float(), float(3), float(True), float(2 ** 60), float("1.5"), float(" 1_0.5e1 "))
print(float("-inf"), float("nAn"), float(" Infinity"), float(".5"), float("5."), float("1e500"))
print(float(-0.0), float("-0"))
