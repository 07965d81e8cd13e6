print(1, 2, 3)
print("a", "b", 1.5, True, None)
print()
