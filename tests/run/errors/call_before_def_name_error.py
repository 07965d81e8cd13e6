print(deferred_function(1))

def deferred_function(x):
    return x
