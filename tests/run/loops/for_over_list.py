total = 0
for x in [1, 2, 3, 4]:
    total += x
print(total)
for ch in "héllo":
    print(ch, end=".")
print()
