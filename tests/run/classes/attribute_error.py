class A:
    def __init__(self):
        self.present = 1

a = A()
print(a.present)
print(a.missing)
