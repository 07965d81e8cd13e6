class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __eq__(self, other):
        return isinstance(other, Vec) and self.x == other.x and self.y == other.y
    def __repr__(self):
        return "Vec(" + repr(self.x) + ", " + repr(self.y) + ")"
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __bool__(self):
        return self.x != 0 or self.y != 0

a = Vec(1, 2)
b = Vec(3, 4)
print(a + b, a * 3, 2 * a, -a, a == Vec(1, 2), a != b, a == 5)
print(len(a), a[0], a[1], list(a), bool(Vec(0, 0)), bool(a))
print([a, b], str(a))
try:
    hash(a)
except TypeError as e:
    print(e)
