def outer():
    x = "outer"
    def middle():
        def inner():
            return x + "!"
        return inner()
    return middle()

print(outer())
