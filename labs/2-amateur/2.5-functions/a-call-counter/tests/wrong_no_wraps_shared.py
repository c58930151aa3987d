# One counter shared by all decorated functions, counted after the call, no functools.wraps.
total = 0


def count_calls(func):
    def wrapper(*args, **kwargs):
        global total
        result = func(*args, **kwargs)
        total += 1
        wrapper.calls = total
        return result
    wrapper.calls = 0
    return wrapper


def exclaim(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper() + "!"
    return wrapper


@count_calls
@exclaim
def greet(name):
    return "Hi " + name
