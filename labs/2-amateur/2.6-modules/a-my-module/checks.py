import contextlib
import importlib
import io

from labcheck import check, call, run_main, import_student_as, write_file


@check(weight=1)
def example_module_contents(s):
    "temperature.c_to_f(100), f_to_c(98.6), describe(0), FREEZING, BOILING, the docstring"
    doc = getattr(s, "__doc__", None)
    return [call(s.c_to_f, 100), call(s.f_to_c, 98.6), call(s.describe, 0),
            getattr(s, "FREEZING", None), getattr(s, "BOILING", None),
            isinstance(doc, str) and bool(doc.strip())]


@check(weight=1)
def example_program_20():
    "run as a program with the input 20"
    return run_main(stdin="20\n")


@check(weight=2)
def import_is_quiet():
    "import temperature: prints nothing and reads nothing"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        mod = import_student_as("temperature")
    return [out.getvalue(), mod.__name__, call(mod.describe, 50)]


@check(weight=3, visible=False)
def used_by_another_program():
    "another program in the same folder does import temperature and uses it"
    write_file("weather.py",
               "import temperature\n"
               "\n"
               "def report(readings):\n"
               "    return [(c, round(temperature.c_to_f(c), 2), temperature.describe(c))\n"
               "            for c in readings]\n"
               "\n"
               "LIMITS = (temperature.FREEZING, temperature.BOILING)\n")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        import_student_as("temperature")
        try:
            weather = importlib.import_module("weather")
        except Exception as e:
            return {"$raised": type(e).__name__}
    return [out.getvalue(), weather.LIMITS,
            call(weather.report, [-40, -0.5, 0, 0.1, 36.6, 99.9, 100, 250])]


@check(weight=2, visible=False)
def conversions_more(s):
    "c_to_f and f_to_c with other values (below zero, decimals, -40)"
    return [[call(s.c_to_f, c) for c in [-40, 0, 37, 21.5, -273.15]],
            [call(s.f_to_c, f) for f in [-40, 32, 212, 0, 451, 100]]]


@check(weight=3, visible=False)
def program_more():
    "run as a program with other inputs (below zero, exact boundaries, decimals, spaces)"
    return [run_main(stdin=f"{t}\n") for t in ["-40", "0", "100", "36.6", " 0.05 ", "1000"]]
