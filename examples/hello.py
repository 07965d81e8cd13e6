# hello.py — Molt's sample program: a greeting, some recursion, and numbers
# larger than 64 bits, printed exactly as CPython prints them.

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def factorial(n):
    result = 1
    while n > 1:
        result *= n
        n -= 1
    return result


print("Hello from Molt!")
print("fib(25) =", fib(25))
print("30! =", factorial(30))
print("2 ** 100 =", 2 ** 100)
print("0.1 + 0.2 =", 0.1 + 0.2)
