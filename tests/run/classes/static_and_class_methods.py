class Shape:
    sides = 0

    @staticmethod
    def describe():
        return "a shape"

    @classmethod
    def make(cls):
        return cls()

    @classmethod
    def count_sides(cls):
        return cls.sides

class Square(Shape):
    sides = 4

print(Shape.describe(), Square.describe(), Square().describe())
print(type(Square.make()) is Square, Square.count_sides(), Shape.count_sides())
