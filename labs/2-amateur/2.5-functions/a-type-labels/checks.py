from labcheck import case, case_call, cases, check, call


def labels_of(func):
    "The checks' own view of a function's annotations (class names, or str() otherwise)."
    ann = getattr(func, "__annotations__", None)
    if not isinstance(ann, dict):
        return "(no annotations)"
    return {k: v.__name__ if isinstance(v, type) else str(v) for k, v in ann.items()}


# Functions whose annotations type_labels reads (the first two are the README's examples).

def greet(name: str, times: int = 1) -> str:
    return ("Hi " + name + "! ") * times


def move(x: int, y, speed: float = 1.0) -> None:
    pass


class Point:
    pass


def plain(a, b):
    return a


def only_return() -> int:
    return 1


def fancy(p: "Point", items: list[int], maybe: int | None = None, *rest: str,
          flag: bool = False, **extra: float) -> dict[str, int]:
    return {}


def objects(pt: Point, kind: type, nothing: None) -> "Point":
    return pt


# ---- the README's examples ------------------------------------------------------------------

@check(weight=1)
@cases(("bmi", 50.0, 1.6), ("repeat_word", "hip", 3), ("is_teen", 13))
def example_functions(s, name, *args):
    "the bmi, a repeated word and the teen test give the README's results"
    return call(getattr(s, name), *args)


@check(weight=2)
@cases("bmi", "repeat_word", "is_teen")
def annotations_written(s, name):
    "bmi, repeat_word and is_teen have exactly the annotations of the table"
    case_call(f"the annotations of {name}, as names")
    return call(lambda: labels_of(getattr(s, name)))


@check(weight=1)
@cases(("type_labels(greet)", greet), ("type_labels(move)", move))
def example_type_labels(s, text, func):
    "type_labels of the functions greet and move in the README"
    case_call(text)
    return call(s.type_labels, func)


# ---- hidden checks --------------------------------------------------------------------------

@check(weight=2, visible=False)
@cases(case("bmi", 70.0, 1.75, about="a bmi that needs rounding"),
       case("bmi", 30.5, 1.2, about="a bmi of a child"),
       case("bmi", 100.0, 2.0, about="a bmi that is a whole number"),
       case("repeat_word", "la", 1, about="a word once"),
       case("repeat_word", "la", 0, about="a word 0 times"),
       case("repeat_word", "Zoë", 4, about="a word with ë, four times"),
       case("repeat_word", "ho", about="times not given (the default)"),
       case("is_teen", 0, about="a baby"),
       case("is_teen", 12, about="the year before the teens"),
       case("is_teen", 13, about="the first teen year"),
       case("is_teen", 16),
       case("is_teen", 19, about="the last teen year"),
       case("is_teen", 20, about="the year after the teens"),
       case("is_teen", 99, about="a grandparent"))
def functions_more(s, name, *args):
    "the bmi, repeated words and the teen test with other values (teen boundaries, 0 times)"
    return call(getattr(s, name), *args)


@check(weight=3, visible=False)
@cases(case("type_labels(plain)", plain, about="a function without annotations"),
       case("type_labels(only_return)", only_return, about="only a return annotation"),
       case("type_labels(fancy)", fancy,
            about="a name in quotes, list[int], int | None, *args and **kwargs"),
       case("type_labels(objects)", objects, about="your own class, type and None"))
def type_labels_more(s, text, func):
    "type labels of functions without annotations, only a return, quoted names, list[int], *args"
    case_call(text)
    return call(s.type_labels, func)
