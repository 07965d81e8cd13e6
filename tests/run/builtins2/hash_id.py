print(hash(1), hash(-1), hash(1.5), hash("abc"), hash((1, 2)), hash(None) == hash(None))
a = [1]
print(id(a) == id(a), id(a) != id([1]))
try:
    hash([])
except TypeError as e:
    print(e)
