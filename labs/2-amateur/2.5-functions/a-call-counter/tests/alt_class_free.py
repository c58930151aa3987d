from functools import wraps


def count_calls(func):
    @wraps(func)
    def counting(*args, **kwargs):
        counting.calls = counting.calls + 1
        result = func(*args, **kwargs)
        return result
    counting.calls = 0
    return counting


def exclaim(func):
    @wraps(func)
    def loud(*a, **kw):
        text = func(*a, **kw)
        return f"{text.upper()}!"
    return loud


def _greet(name):
    return "Hi " + name


greet = count_calls(exclaim(_greet))
greet.__name__ = "greet"
