from labcheck import check, call, mro_names

NAMES = ("Device", "Phone", "Camera", "SmartPhone", "Tablet")


@check(weight=1)
def example_start(s):
    "SmartPhone().start(), Tablet().start() and SmartPhone().power()"
    return [call(lambda: s.SmartPhone().start()), call(lambda: s.Tablet().start()),
            call(lambda: s.SmartPhone().power())]


@check(weight=1)
def example_who_answers(s):
    'who_answers(SmartPhone(), "power"), who_answers(Tablet(), "start"), who_answers(Phone(), "fly")'
    return [call(lambda: s.who_answers(s.SmartPhone(), "power")),
            call(lambda: s.who_answers(s.Tablet(), "start")),
            call(lambda: s.who_answers(s.Phone(), "fly"))]


@check(weight=2)
def mro_of_every_class(s):
    "the MRO (__mro__ names) of every class"
    return {n: call(lambda: mro_names(getattr(s, n))) for n in NAMES}


@check(weight=3, visible=False)
def every_class_starts_once(s):
    "start() and power() on an object of every class: each class runs once, in MRO order"
    out = {}
    for n in NAMES:
        obj = call(getattr(s, n))
        out[n] = [call(lambda: obj.start()), call(lambda: obj.power())]
    return out


@check(weight=3, visible=False)
def super_follows_the_mro(s):
    "new classes added to the diamond are visited by super() too; an impossible MRO"
    class Watch(s.Device):
        def start(self):
            return ["Watch"] + super().start()

    class Gadget(s.SmartPhone, Watch):
        def start(self):
            return ["Gadget"] + super().start()

    class Kit(s.Tablet, s.Camera):
        pass

    # Tablet and SmartPhone disagree on the order of Phone and Camera: no MRO is possible
    impossible = call(lambda: type("Both", (s.Tablet, s.SmartPhone), {}))
    return [mro_names(Gadget), call(lambda: Gadget().start()),
            call(lambda: mro_names(Kit)), call(lambda: Kit().start()),
            impossible if isinstance(impossible, dict) else mro_names(impossible)]


@check(weight=3, visible=False)
def who_answers_more(s):
    "who_answers for many objects and methods (own, inherited, missing, dunder, built-in types)"
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

    cases = [(D(), "hi"), (B(), "hi"), (A(), "hi"), (D(), "bye"), (C(), "__init__"),
             (5, "bit_length"), (True, "__and__"), ([], "append")]
    out = [call(s.who_answers, o, m) for o, m in cases]
    for n in NAMES:
        out.append([call(lambda: s.who_answers(getattr(s, n)(), m)) for m in ("start", "power")])
    return out
