from functools import wraps


def _negative(v):
    return isinstance(v, (int, float)) and v < 0


def no_negatives(func):
    @wraps(func)
    def guarded(*args, **kwargs):
        if any(_negative(v) for v in args) or any(_negative(v) for v in kwargs.values()):
            raise ValueError(f"{func.__name__} got a negative argument")
        return func(*args, **kwargs)
    return guarded


def safe(func):
    @wraps(func)
    def guarded(*args, **kwargs):
        result = None
        try:
            result = func(*args, **kwargs)
        except Exception as error:
            print("ignored:", error)
        return result
    return guarded


def remember(func):
    memory = []

    @wraps(func)
    def inner(*args, **kwargs):
        r = func(*args, **kwargs)
        memory.append((tuple(args), dict(kwargs), r))
        return r
    inner.history = memory
    return inner
