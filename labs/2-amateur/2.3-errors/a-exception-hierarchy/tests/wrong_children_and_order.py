# Lists the children by type name only, and walks only one parent up (__bases__).
def family_tree(exc_class):
    names = [exc_class.__name__]
    while exc_class.__bases__ and exc_class.__bases__[0] is not object:
        exc_class = exc_class.__bases__[0]
        names.append(exc_class.__name__)
    return names


def classify(func):
    try:
        func()
    except Exception as e:
        name = type(e).__name__
        if name in ("KeyError", "IndexError"):
            return "lookup"
        if name in ("ZeroDivisionError", "OverflowError"):
            return "maths"
        if name == "ValueError":
            return "value"
        return "other"
    return "ok"
