counts = [0, 0, 0]
for i in [0, 1, 1, 2, 2, 2]:
    counts[i] += 1
print(counts)
