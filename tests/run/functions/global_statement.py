counter = 0

def bump(n):
    global counter
    counter += n
    return counter

bump(3)
bump(4)
print(counter)
