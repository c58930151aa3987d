# expect: runtime_error
# stderr-has: RecursionError
def f(n):
    return f(n + 1)
f(0)
