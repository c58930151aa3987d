from labcheck import case, case_call, cases, check, call, mro_names

NAMES = ("Device", "Phone", "Camera", "SmartPhone", "Tablet")


def method_of(s, cls, method):
    """cls().method() of the student's class `cls`, with its call text."""
    case_call(f"{cls}().{method}()")
    obj = call(getattr(s, cls))
    return call(lambda: getattr(obj, method)())


# ---- visible checks: the examples of README.md -------------------------------------------------


@check(weight=1)
@cases(("SmartPhone", "start"), ("Tablet", "start"), ("SmartPhone", "power"))
def example_start(s, cls, method):
    "start() runs every class of the diamond once, in MRO order; power() comes from Camera"
    return method_of(s, cls, method)


@check(weight=1)
@cases(("SmartPhone", "power"), ("Tablet", "start"), ("Phone", "fly"))
def example_who_answers(s, cls, method):
    "who_answers names the class whose method would run"
    case_call(f"who_answers({cls}(), {method!r})")
    return call(s.who_answers, call(getattr(s, cls)), method)


@check(weight=2)
@cases(*NAMES)
def mro_of_every_class(s, cls):
    "the MRO of every class (the names in __mro__)"
    case_call(f"{cls}.__mro__")
    return call(mro_names, getattr(s, cls))


# ---- hidden checks -----------------------------------------------------------------------------


def new_classes(s):
    """Classes added to the student's diamond, made in the check (not by the student)."""
    class Watch(s.Device):
        def start(self):
            return ["Watch"] + super().start()

    class Gadget(s.SmartPhone, Watch):
        def start(self):
            return ["Gadget"] + super().start()

    class Kit(s.Tablet, s.Camera):
        pass

    return Gadget, Kit


@check(weight=6, visible=False)
@cases(*[case(n, m, about=f"{m}() of a {n}") for n in NAMES for m in ("start", "power")],
       case("gadget_mro", about="the MRO of a new class below SmartPhone and a new Watch"),
       case("gadget_start", about="start() of that new class: super() must visit Watch too"),
       case("kit_mro", about="the MRO of a new class below Tablet and Camera"),
       case("kit_start", about="start() of that class"),
       case("impossible", about="a new class below both Tablet and SmartPhone"))
def super_follows_the_mro(s, what, method=None):
    "start() and power() of every class, and of new classes added to the diamond"
    if method is not None:
        return method_of(s, what, method)
    case_call({"gadget_mro": "Gadget.__mro__", "gadget_start": "Gadget().start()",
               "kit_mro": "Kit.__mro__", "kit_start": "Kit().start()",
               "impossible": "class Both(Tablet, SmartPhone)"}[what])
    if what == "impossible":
        # Tablet and SmartPhone disagree on the order of Phone and Camera: no MRO is possible
        made = call(lambda: type("Both", (s.Tablet, s.SmartPhone), {}))
        return made if isinstance(made, dict) else mro_names(made)
    made = call(new_classes, s)
    if isinstance(made, dict):
        return made
    gadget, kit = made
    cls = gadget if what.startswith("gadget") else kit
    if what.endswith("mro"):
        return mro_names(cls)
    return call(lambda: cls().start())


class A:
    def hi(self):
        return "A"


class B(A):
    pass


class C(A):
    def hi(self):
        return "C"


class D(B, C):
    pass


OTHERS = {"A": A, "B": B, "C": C, "D": D, "5": lambda: 5, "True": lambda: True, "[]": list}


@check(weight=3, visible=False)
@cases(case("D", "hi", about="a method found after skipping a class"),
       case("B", "hi", about="an inherited method"),
       case("A", "hi", about="the class's own method"),
       case("D", "bye", about="a method nobody defines"),
       case("C", "__init__", about="a special method like __init__"),
       case("5", "bit_length", about="a number"), case("True", "__and__", about="True"),
       case("[]", "append", about="a list"),
       *[(n, m, "yours") for n in NAMES for m in ("start", "power")])
def who_answers_more(s, cls, method, whose="other"):
    "who_answers names the right class for other objects and methods"
    obj = call(getattr(s, cls)) if whose == "yours" else OTHERS[cls]()
    shown = cls if cls in ("5", "True", "[]") else cls + "()"
    case_call(f"who_answers({shown}, {method!r})")
    return call(s.who_answers, obj, method)
