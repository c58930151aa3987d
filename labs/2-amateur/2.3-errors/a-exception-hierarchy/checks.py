from labcheck import check, cases, case, case_call, call


def raiser(exc):
    def f():
        raise exc
    return f


class AppError(Exception):
    pass


class LoginError(AppError, PermissionError):
    pass


class MissingThing(KeyError):
    pass


class BadInput(ValueError):
    pass


class Strange(Exception):
    pass


class SuperLookup(IndexError, ValueError):
    pass


# Visible checks: the examples of README.md.


@check(weight=1)
def example_family_tree(s):
    "family_tree lists KeyError and all its ancestors"
    return call(s.family_tree, KeyError)


@check(weight=2)
@cases(('{}["x"]', lambda: {}["x"]), ("1 / 0", lambda: 1 / 0), ('int("x")', lambda: int("x")),
       ("None + 1", lambda: None + 1), ("42", lambda: 42))
def example_classify(s, text, func):
    "classify names the family of the error that happened"
    case_call(f"classify(lambda: {text})")
    return call(s.classify, func)


# Hidden checks: other classes, other errors.


@check(weight=3, visible=False)
@cases(case(Exception, about="Exception itself"),
       case(BaseException, about="the very top of the tree"),
       case(ZeroDivisionError, about="a child of ArithmeticError"),
       case(UnicodeDecodeError, about="an error three levels below Exception"),
       case(FileNotFoundError, about="a file error"),
       case(KeyboardInterrupt, about="an exception that is not an Exception"),
       case(StopIteration, about="the exception that ends a for loop"),
       case(AppError, about="a new exception class"),
       case(LoginError, about="a new exception class with two parents"),
       case(ModuleNotFoundError, about="the error of a failed import"))
def family_tree_more(s, cls):
    "family_tree of other built-in exceptions and of new exception classes"
    return call(s.family_tree, cls)


@check(weight=4, visible=False)
@cases(case(lambda: [][3], about="an index too big for an empty list"),
       case(lambda: "abc"[10], about="an index too big for a text"),
       case(raiser(OverflowError("big")), about="a number too big"),
       case(lambda: 10 % 0, about="modulo zero"),
       case(raiser(FloatingPointError()), about="a rare child of ArithmeticError"),
       case(lambda: "é".encode("ascii"), about="a letter that ASCII cannot encode"),
       case(lambda: b"\xff".decode("utf-8"), about="bytes that are not UTF-8"),
       case(raiser(MissingThing("k")), about="a new child of KeyError"),
       case(raiser(BadInput()), about="a new child of ValueError"),
       case(raiser(Strange()), about="a new exception straight under Exception"),
       case(raiser(SuperLookup()), about="an error that is both a LookupError and a ValueError"),
       case(lambda: None, about="a function that returns None"),
       case(lambda: open("/no/such/file"), about="opening a file that does not exist"),
       case(lambda: len(5), about="the length of a number"),
       case(raiser(RuntimeError("x")), about="a RuntimeError"),
       case(lambda: 0, about="a function that returns 0"),
       case(lambda: "ok", about='a function that returns the text "ok"'))
def classify_more(s, func):
    "classify many errors: relatives of the examples, new exception classes, no error at all"
    return call(s.classify, func)
