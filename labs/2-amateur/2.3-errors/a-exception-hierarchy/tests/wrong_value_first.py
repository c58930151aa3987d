# Checks ValueError before LookupError: an error that is both gives "value" instead of "lookup".
def family_tree(exc_class):
    return [c.__name__ for c in exc_class.__mro__ if c is not object]


def classify(func):
    try:
        func()
    except ValueError:
        return "value"
    except LookupError:
        return "lookup"
    except ArithmeticError:
        return "maths"
    except Exception:
        return "other"
    return "ok"
