class CountDown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

for i in CountDown(3):
    print(i)
print(list(CountDown(4)), sum(CountDown(10)))
