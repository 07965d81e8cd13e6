i = 0
while i < 4:
    j = 0
    line = ""
    while j < 4:
        if j > i:
            break
        line = line + "*"
        j += 1
    print(line)
    i += 1
