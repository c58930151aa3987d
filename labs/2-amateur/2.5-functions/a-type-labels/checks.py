from labcheck import check, call


def labels_of(func):
    "The checks' own view of a function's annotations (class names, or str() otherwise)."
    ann = getattr(func, "__annotations__", None)
    if not isinstance(ann, dict):
        return "(no annotations)"
    return {k: v.__name__ if isinstance(v, type) else str(v) for k, v in ann.items()}


def greet(name: str, times: int = 1) -> str:
    return ("Hi " + name + "! ") * times


def move(x: int, y, speed: float = 1.0) -> None:
    pass


@check(weight=1)
def example_functions(s):
    'bmi(50.0, 1.6), repeat_word("hip", 3), is_teen(13)'
    return [call(s.bmi, 50.0, 1.6), call(s.repeat_word, "hip", 3), call(s.is_teen, 13)]


@check(weight=2)
def annotations_written(s):
    "the annotations of bmi, repeat_word and is_teen"
    return [labels_of(s.bmi), labels_of(s.repeat_word), labels_of(s.is_teen)]


@check(weight=1)
def example_type_labels(s):
    "type_labels(greet) and type_labels(move) for the functions in the README"
    return [call(s.type_labels, greet), call(s.type_labels, move)]


@check(weight=2, visible=False)
def functions_more(s):
    "bmi, repeat_word and is_teen with other values (boundaries 12, 19, 20; times 0 and 1)"
    return [[call(s.bmi, w, h) for w, h in [(70.0, 1.75), (30.5, 1.2), (100.0, 2.0)]],
            [call(s.repeat_word, w, t) for w, t in [("la", 1), ("la", 0), ("Zoë", 4)]] +
            [call(s.repeat_word, "ho")],
            [call(s.is_teen, a) for a in [0, 12, 13, 16, 19, 20, 99]]]


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


@check(weight=3, visible=False)
def type_labels_more(s):
    "type_labels for functions without annotations, only a return, quoted names, list[int], *args"
    return [call(s.type_labels, f) for f in [plain, only_return, fancy, objects]]
