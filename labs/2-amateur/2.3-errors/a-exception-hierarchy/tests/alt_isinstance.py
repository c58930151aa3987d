def family_tree(exc_class):
    names = []
    for cls in exc_class.mro():
        if cls is object:
            break
        names.append(cls.__name__)
    return names


def classify(func):
    try:
        func()
        return "ok"
    except Exception as error:
        if isinstance(error, LookupError):
            return "lookup"
        if isinstance(error, ArithmeticError):
            return "maths"
        if isinstance(error, ValueError):
            return "value"
        return "other"
