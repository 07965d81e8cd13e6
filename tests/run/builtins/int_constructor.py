print(int(), int(7), int(-3.99), int(True), int("  -42 "), int("1_000"))
print(int("ff", 16), int("0x1F", 0), int("777", base=8), int("z", 36))
print(int(2 ** 70 + 0.0), int("123456789012345678901234567890"))
