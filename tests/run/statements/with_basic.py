class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type, exc)
        return False

with Resource("a") as r:
    print("inside", r.name)
with Resource("b"), Resource("c") as c:
    print("two managers", c.name)
try:
    with Resource("d"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated", e)
