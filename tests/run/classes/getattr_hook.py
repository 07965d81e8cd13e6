class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        return "proxied " + name

p = Proxy(1)
print(p._target, p.anything, p.other)
