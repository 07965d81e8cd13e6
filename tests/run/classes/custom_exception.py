class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, key):
        super().__init__("missing: " + key)
        self.key = key

try:
    raise NotFound("x")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args)

class Fatal(Exception):
    pass

raise Fatal("stop here")
