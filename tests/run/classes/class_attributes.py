class Counter:
    count = 0
    label = "counter"

    def __init__(self):
        Counter.count += 1
        self.id = Counter.count

a = Counter()
b = Counter()
print(Counter.count, a.id, b.id, a.label, Counter.label)
a.label = "mine"
print(a.label, b.label, Counter.label)
