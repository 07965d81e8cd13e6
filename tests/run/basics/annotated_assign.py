x: int = 5
y: float
print(x)
