def first():
    return second() + 1

def second():
    return 41

print(first())
