# The two decorators of greet are written the other way round: exclaim's functools.wraps copies
# the counter's "calls" attribute once (0), so greet.calls never changes.
import functools


def count_calls(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


def exclaim(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper() + "!"
    return wrapper


@exclaim
@count_calls
def greet(name):
    return "Hi " + name
