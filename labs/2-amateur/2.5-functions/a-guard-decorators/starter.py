import functools


def no_negatives(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        # check every argument first
        return func(*args, **kwargs)
    return wrapper


def safe(func):
    return func


def remember(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    wrapper.history = []
    return wrapper
