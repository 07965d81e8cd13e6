i = 0
while i < 5:
    i += 1
    try:
        if i == 2:
            continue
        if i == 4:
            break
        print("body", i)
    finally:
        print("finally", i)
print("end", i)
