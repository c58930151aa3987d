# remember stores each call as a list [args, kwargs, result] and the arguments as a list,
# not as the tuples the README asks for.
import functools


def no_negatives(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        for value in list(args) + list(kwargs.values()):
            if isinstance(value, (int, float)) and value < 0:
                raise ValueError("negative argument")
        return func(*args, **kwargs)
    return wrapper


def safe(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except Exception:
            return None
    return wrapper


def remember(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        result = func(*args, **kwargs)
        wrapper.history.append([list(args), kwargs, result])
        return result
    wrapper.history = []
    return wrapper
