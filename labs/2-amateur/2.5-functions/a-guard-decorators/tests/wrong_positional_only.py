# Only checks positional arguments, and remember shares one history for all functions.
import functools

HISTORY = []


def no_negatives(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        for value in args:
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
        HISTORY.append((args, kwargs, result))
        return result
    wrapper.history = HISTORY
    return wrapper
