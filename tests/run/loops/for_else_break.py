def find(items, target):
    for i in items:
        if i == target:
            print("found", i)
            break
    else:
        print("not found", target)

find([1, 2, 3], 2)
find([1, 2, 3], 5)
