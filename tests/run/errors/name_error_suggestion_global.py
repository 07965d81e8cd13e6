counter = 0

def bump():
    return countr + 1

bump()
