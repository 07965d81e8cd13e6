# error: 3:7: a set comprehension is not supported by Molt yet
x = 1
print({x for x in "ab"})
