class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor
    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)
    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)
    def __hash__(self):
        return hash((self.major, self.minor))
    def __repr__(self):
        return "v" + str(self.major) + "." + str(self.minor)

vs = [Version(1, 2), Version(0, 9), Version(1, 0)]
print(sorted(vs), max(vs), Version(1, 0) == Version(1, 0), Version(2, 0) > Version(1, 0))
print(len({Version(1, 0), Version(1, 0)}))
try:
    Version(1, 0) <= Version(2, 0)
except TypeError as e:
    print(e)
