from labcheck import check, call, type_name


@check(weight=1)
def example_conversions(s):
    "c_to_f(100) and f_to_c(212)"
    return [call(s.c_to_f, 100), call(s.f_to_c, 212)]


@check(weight=1)
def example_feels(s):
    "feels(18)"
    return call(s.feels, 18)


@check(weight=1)
def example_report(s):
    "report(20)"
    return call(s.report, 20)


@check(weight=2, visible=False)
def conversions_more(s):
    "c_to_f and f_to_c with 0, negative numbers, decimals (and the type of the result)"
    cs = [0, -40, 37, 36.6, -273.15, 1000]
    fs = [32, -40, 98.6, 0, 451, 50]
    to_f = [call(s.c_to_f, c) for c in cs]
    to_c = [call(s.f_to_c, f) for f in fs]
    return [to_f, to_c, type_name(call(s.c_to_f, 10))]


@check(weight=2, visible=False)
def feels_boundaries(s):
    "feels at every boundary (-5, 0, 0.5, 14, 15, 24.9, 25, 40)"
    return [call(s.feels, c) for c in (-5, 0, 0.5, 14, 14.9, 15, 24.9, 25, 40)]


@check(weight=2, visible=False)
def report_more(s):
    "report with freezing, cold, hot and decimal temperatures"
    return [call(s.report, c) for c in (-10, 0, 7, 30, 21.5, 100)]


@check(weight=2, visible=False)
def report_calls_the_other_functions(s):
    "report gets its numbers and words from c_to_f and feels (we replace them to see)"
    s.c_to_f = lambda celsius: celsius * 1000.0
    s.feels = lambda celsius: "like a test"
    return [call(s.report, 3), call(s.report, -2)]
