def family_tree(exc_class):
    return [exc_class.__name__]


def classify(func):
    try:
        func()
    except Exception:
        return "other"
    return "ok"
