total = 0
i = -3
while i <= 3:
    try:
        total += 12 // i
    except ZeroDivisionError:
        total += 1000
    i += 1
print(total)
