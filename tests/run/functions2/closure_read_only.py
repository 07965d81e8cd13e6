def adder(n):
    def add(x):
        return x + n
    return add

add5 = adder(5)
print(add5(10), adder(-1)(1))
