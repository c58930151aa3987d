from labcheck import call, case, cases, check

# c_to_f and f_to_c divide with /, so their answers are floats: with exact_types, 212 (an int)
# is not the expected 212.0.


@check(weight=1, exact_types=True)
@cases(("c_to_f", 100), ("f_to_c", 212))
def example_conversions(s, function, degrees):
    "c_to_f and f_to_c convert boiling water, and give a decimal number"
    return call(getattr(s, function), degrees)


@check(weight=1)
def example_feels(s):
    "feels says how 18 degrees feel"
    return call(s.feels, 18)


@check(weight=1)
def example_report(s):
    "report writes the sentence of the README for 20 degrees"
    return call(s.report, 20)


@check(weight=2, visible=False, exact_types=True)
@cases(case("c_to_f", 0, about="c_to_f of 0 degrees"),
       case("c_to_f", -40, about="c_to_f of a negative temperature"),
       case("c_to_f", 37, about="c_to_f of body temperature"),
       case("c_to_f", 36.6, about="c_to_f of a temperature with decimals"),
       case("c_to_f", -273.15, about="c_to_f of the coldest temperature there is"),
       case("c_to_f", 1000, about="c_to_f of a very high temperature"),
       case("c_to_f", 10, about="c_to_f of a temperature that gives a whole number"),
       case("f_to_c", 32, about="f_to_c of freezing water"),
       case("f_to_c", -40, about="f_to_c of a negative temperature"),
       case("f_to_c", 98.6, about="f_to_c of a temperature with decimals"),
       case("f_to_c", 0, about="f_to_c of 0 degrees"),
       case("f_to_c", 451, about="f_to_c of a very high temperature"),
       case("f_to_c", 50, about="f_to_c of a mild temperature"))
def conversions_more(s, function, degrees):
    "c_to_f and f_to_c with 0, negative numbers and decimals (always a float)"
    return call(getattr(s, function), degrees)


@check(weight=2, visible=False)
@cases(case(-5, about="below zero"),
       case(0, about="exactly 0 degrees"),
       case(0.5, about="just above 0"),
       case(14, about="14 degrees"),
       case(14.9, about="just below 15"),
       case(15, about="exactly 15 degrees"),
       case(24.9, about="just below 25"),
       case(25, about="exactly 25 degrees"),
       case(40, about="a very hot day"))
def feels_boundaries(s, celsius):
    "feels picks the right word at every boundary of the table"
    return call(s.feels, celsius)


@check(weight=2, visible=False)
@cases(case(-10, about="a temperature below zero"),
       case(0, about="0 degrees"),
       case(7, about="a temperature between 0 and 15"),
       case(30, about="a temperature above 25"),
       case(21.5, about="a temperature with decimals"),
       case(100, about="boiling water"))
def report_more(s, celsius):
    "report writes the sentence for other temperatures, also below zero and with decimals"
    return call(s.report, celsius)


@check(weight=2, visible=False)
@cases(case(3, about="report takes the number from c_to_f and the word from feels"),
       case(-2, about="the same for a temperature below zero"))
def report_calls_the_other_functions(s, celsius):
    "report gets its numbers and words from c_to_f and feels (we replace them to see)"
    saved = s.c_to_f, s.feels
    s.c_to_f = lambda celsius: celsius * 1000.0
    s.feels = lambda celsius: "like a test"
    try:
        return call(s.report, celsius)
    finally:
        s.c_to_f, s.feels = saved
