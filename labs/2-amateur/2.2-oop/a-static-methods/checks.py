from labcheck import case, case_call, cases, check, call, type_name


def attr(obj, name):
    try:
        return getattr(obj, name)
    except Exception as e:
        return {"$raised": type(e).__name__}


def kind_of(cls, name):
    """How `name` is written in the class: "staticmethod", "classmethod", "method" (a plain
    def), or "missing"."""
    for c in getattr(cls, "__mro__", ())[:-1]:
        if name in vars(c):
            v = vars(c)[name]
            return type(v).__name__ if isinstance(v, (staticmethod, classmethod)) else \
                ("method" if callable(v) else "not a method")
    return "missing"


# ---- visible checks: the examples of README.md -------------------------------------------------


@check(weight=1)
@cases(("c_to_f", 100), ("f_to_c", 212), ("is_possible", -300))
def example_static_calls(s, name, value):
    "the static methods are called on the class itself, without an object"
    case_call(f"Temperature.{name}({value})")
    return call(lambda: getattr(s.Temperature, name)(value))


@check(weight=1)
def example_from_fahrenheit(s):
    "from_fahrenheit makes a Temperature from degrees Fahrenheit"
    case_call("t = Temperature.from_fahrenheit(50); t.celsius, t.fahrenheit()")
    t = call(s.Temperature.from_fahrenheit, 50)
    return (attr(t, "celsius"), call(lambda: t.fahrenheit()))


@check(weight=2)
@cases(("c_to_f", "@staticmethod"), ("f_to_c", "@staticmethod"), ("is_possible", "@staticmethod"),
       ("from_fahrenheit", "@classmethod"), ("fahrenheit", "a normal method"))
def kinds_of_methods(s, name, asked):
    "each method is written the way README.md asks: static method, class method or normal"
    case_call(f"how {name} is written (README.md asks for {asked})")
    return kind_of(s.Temperature, name)


# ---- hidden checks -----------------------------------------------------------------------------


@check(weight=3, visible=False)
@cases(case("c_to_f", 0, about="freezing point to Fahrenheit"),
       case("c_to_f", 37, about="body temperature to Fahrenheit"),
       case("c_to_f", -40, about="-40 degrees to Fahrenheit"),
       case("c_to_f", -273.15, about="absolute zero to Fahrenheit"), ("c_to_f", 1000),
       ("c_to_f", 21.5), case("f_to_c", 32, about="freezing point to Celsius"),
       case("f_to_c", 98.6, about="body temperature to Celsius"),
       case("f_to_c", -40, about="-40 degrees to Celsius"), ("f_to_c", 0), ("f_to_c", 451),
       case("c_to_f", -10, "object", about="c_to_f called on an object"),
       case("f_to_c", 14, "object", about="f_to_c called on an object"))
def conversions_more(s, name, value, on="class"):
    "c_to_f and f_to_c convert other temperatures, called on the class or an object"
    owner = call(s.Temperature, 5) if on == "object" else s.Temperature
    return call(lambda: getattr(owner, name)(value))


@check(weight=2, visible=False)
@cases(case(-273.15, about="exactly absolute zero"),
       case(-273.16, about="just below absolute zero"),
       case(-273.14, about="just above absolute zero"), -273, 0,
       case(1e6, about="very hot"), case(-1e6, about="very cold"))
def is_possible_boundaries(s, c):
    "is_possible around absolute zero"
    return call(lambda: s.Temperature.is_possible(c))


@check(weight=2, visible=False)
@cases(case("new", -40, about="a Temperature made with -40 degrees Celsius"), ("new", 100),
       case("from_f", -40, about="from_fahrenheit(-40)"),
       case("from_f", 32, about="from_fahrenheit at freezing point"),
       case("subclass", 212, about="from_fahrenheit called on a subclass of Temperature"))
def objects_more(s, how, value):
    "objects made both ways: their type, celsius and fahrenheit()"
    T = s.Temperature

    class Reading(T):
        pass

    if how == "new":
        t = call(T, value)
    else:
        t = call((Reading if how == "subclass" else T).from_fahrenheit, value)
    return [type_name(t), attr(t, "celsius"), call(lambda: t.fahrenheit())]
