import contextlib
import importlib
import io

from labcheck import case, case_call, cases, check, call, run_main, import_student_as, write_file

_made = {}


def once(key, make):
    "What make() returns, made in the first case that needs it and kept for the later ones."
    if key not in _made:
        _made[key] = make()
    return _made[key]


def has_docstring(s):
    doc = getattr(s, "__doc__", None)
    return isinstance(doc, str) and bool(doc.strip())


# ---- the README's examples ------------------------------------------------------------------

@check(weight=1)
@cases(("temperature.c_to_f(100)", lambda t: call(t.c_to_f, 100)),
       ("temperature.f_to_c(98.6)", lambda t: call(t.f_to_c, 98.6)),
       ("temperature.describe(0)", lambda t: call(t.describe, 0)),
       ("temperature.FREEZING, temperature.BOILING",
        lambda t: (call(getattr, t, "FREEZING"), call(getattr, t, "BOILING"))),
       ("the module has a docstring", has_docstring))
def example_module_contents(s, text, action):
    "the module's functions, constants and docstring (the README's example)"
    case_call(text)
    return action(s)


@check(weight=1)
def example_program_20():
    "run as a program with the input 20 (the README's example)"
    return run_main(stdin="20\n")


@check(weight=2)
def import_is_quiet():
    "import temperature prints nothing and reads nothing, and the module works"
    case_call("import temperature; what it printed, temperature.__name__, "
              "temperature.describe(50)")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        mod = import_student_as("temperature")
    return out.getvalue(), mod.__name__, call(mod.describe, 50)


# ---- hidden checks --------------------------------------------------------------------------

WEATHER = ("import temperature\n"
           "\n"
           "def report(readings):\n"
           "    return [(c, round(temperature.c_to_f(c), 2), temperature.describe(c))\n"
           "            for c in readings]\n"
           "\n"
           "LIMITS = (temperature.FREEZING, temperature.BOILING)\n")


def weather_program():
    "weather.py next to temperature.py; (weather module or the error, what importing printed)."
    write_file("weather.py", WEATHER)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        import_student_as("temperature")
        weather = call(importlib.import_module, "weather")
    return weather, out.getvalue()


READINGS = [case(-40, about="far below freezing"), case(-0.5, about="just below freezing"),
            case(0, about="exactly freezing"), case(0.1, about="just above freezing"),
            case(36.6, about="body temperature"), case(99.9, about="just below boiling"),
            case(100, about="exactly boiling"), case(250, about="far above boiling")]


@check(weight=3, visible=False)
@cases(case("printed", about="importing prints nothing"),
       case("limits", about="another program uses your constants"),
       *READINGS)
def used_by_another_program(what):
    "another program in the same folder does import temperature and uses it"
    weather, printed = once("weather", weather_program)
    if what == "printed":
        case_call("import weather (which imports temperature): what it printed")
        return printed
    if what == "limits":
        case_call("weather.LIMITS")
        return call(getattr, weather, "LIMITS")
    case_call(f"weather.report([{what!r}])")
    return call(lambda: weather.report([what]))


@check(weight=2, visible=False)
@cases(case("c_to_f", -40, about="-40 degrees"),
       case("c_to_f", 0, about="freezing in Fahrenheit"),
       case("c_to_f", 37, about="body temperature"),
       case("c_to_f", 21.5, about="a temperature with decimals"),
       case("c_to_f", -273.15, about="the coldest possible temperature"),
       case("f_to_c", -40, about="-40 degrees Fahrenheit"),
       case("f_to_c", 32, about="freezing in Celsius"),
       case("f_to_c", 212, about="boiling in Celsius"),
       case("f_to_c", 0, about="0 degrees Fahrenheit, rounded"),
       case("f_to_c", 451, about="a hot oven, rounded"),
       case("f_to_c", 100, about="100 degrees Fahrenheit, rounded"))
def conversions_more(s, name, value):
    "converting other temperatures both ways (below zero, decimals, -40)"
    return call(getattr(s, name), value)


@check(weight=3, visible=False)
@cases(case("-40", about="below zero"),
       case("0", about="exactly freezing"),
       case("100", about="exactly boiling"),
       case("36.6", about="a temperature with decimals"),
       case(" 0.05 ", about="spaces around the number, rounded to 1 decimal"),
       case("1000", about="a very hot temperature"))
def program_more(typed):
    "run as a program with other inputs (below zero, exact boundaries, decimals, spaces)"
    return run_main(stdin=f"{typed}\n")
