from labcheck import check, call


def raiser(exc):
    def f():
        raise exc
    return f


@check(weight=1)
def example_family_tree(s):
    "family_tree(KeyError)"
    return call(s.family_tree, KeyError)


@check(weight=2)
def example_classify(s):
    "classify with the five examples of the README"
    funcs = [lambda: {}["x"], lambda: 1 / 0, lambda: int("x"), lambda: None + 1, lambda: 42]
    return [call(s.classify, f) for f in funcs]


@check(weight=3, visible=False)
def family_tree_more(s):
    "family_tree of other built-in exceptions and of new exception classes"
    class AppError(Exception):
        pass

    class LoginError(AppError, PermissionError):
        pass

    classes = [Exception, BaseException, ZeroDivisionError, UnicodeDecodeError, FileNotFoundError,
               KeyboardInterrupt, StopIteration, AppError, LoginError, ModuleNotFoundError]
    return [call(s.family_tree, c) for c in classes]


@check(weight=4, visible=False)
def classify_more(s):
    "classify many errors: relatives of the examples, custom exceptions, no error with None"
    class MissingThing(KeyError):
        pass

    class BadInput(ValueError):
        pass

    class Strange(Exception):
        pass

    class SuperLookup(IndexError, ValueError):
        pass

    funcs = [lambda: [][3], lambda: "abc"[10], raiser(OverflowError("big")),
             lambda: 10 % 0, raiser(FloatingPointError()), lambda: "é".encode("ascii").decode() + b"",
             lambda: b"\xff".decode("utf-8"), raiser(MissingThing("k")), raiser(BadInput()),
             raiser(Strange()), raiser(SuperLookup()), lambda: None, lambda: open("/no/such/file"),
             lambda: len(5), raiser(RuntimeError("x")), lambda: 0, lambda: "ok"]
    return [call(s.classify, f) for f in funcs]
