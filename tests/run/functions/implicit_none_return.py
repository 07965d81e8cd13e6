def noop(x):
    x = x + 1

print(noop(1))
def early(x):
    if x:
        return "yes"
print(early(1), early(0))
