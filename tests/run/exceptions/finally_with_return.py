def f():
    try:
        return "from try"
    finally:
        print("cleanup")

def g():
    try:
        return "try"
    finally:
        return "finally wins"

def h():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"

print(f())
print(g())
print(h())
