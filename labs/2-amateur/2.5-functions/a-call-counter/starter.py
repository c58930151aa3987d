import functools


def count_calls(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


def exclaim(func):
    return func


def greet(name):
    return "Hi " + name
