from labcheck import check, call, class_shape, type_name


@check(weight=1)
def example_static_calls(s):
    "Temperature.c_to_f(100), Temperature.f_to_c(212), Temperature.is_possible(-300)"
    T = s.Temperature
    return [call(lambda: T.c_to_f(100)), call(lambda: T.f_to_c(212)),
            call(lambda: T.is_possible(-300))]


@check(weight=1)
def example_from_fahrenheit(s):
    "Temperature.from_fahrenheit(50): celsius and fahrenheit()"
    t = call(lambda: s.Temperature.from_fahrenheit(50))
    return [type_name(t), call(lambda: t.celsius), call(lambda: t.fahrenheit())]


@check(weight=2)
def kinds_of_methods(s):
    "which methods are static methods and which are class methods"
    shape = class_shape(s.Temperature)
    return [shape["staticmethods"], shape["classmethods"]]


@check(weight=3, visible=False)
def conversions_more(s):
    "conversions of freezing point, body temperature, -40, absolute zero; from class and object"
    T = s.Temperature
    cs = [0, 37, -40, -273.15, 1000, 21.5]
    fs = [32, 98.6, -40, 0, 451]
    t = call(T, 5)
    return [[call(lambda: T.c_to_f(c)) for c in cs], [call(lambda: T.f_to_c(f)) for f in fs],
            call(lambda: t.c_to_f(-10)), call(lambda: t.f_to_c(14))]


@check(weight=2, visible=False)
def is_possible_boundaries(s):
    "is_possible exactly at absolute zero, just below, just above, very hot"
    T = s.Temperature
    return [call(lambda: T.is_possible(c)) for c in (-273.15, -273.16, -273.14, -273, 0, 1e6, -1e6)]


@check(weight=2, visible=False)
def objects_more(s):
    "objects made both ways; from_fahrenheit on a subclass gives the subclass"
    T = s.Temperature

    class Reading(T):
        pass

    out = []
    for t in (call(T, -40), call(T, 100), call(lambda: T.from_fahrenheit(-40)),
              call(lambda: T.from_fahrenheit(32)), call(lambda: Reading.from_fahrenheit(212))):
        out.append([type_name(t), call(lambda: t.celsius), call(lambda: t.fahrenheit())])
    return out
