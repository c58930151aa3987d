def c_to_f(celsius):
    return 212.0


def f_to_c(fahrenheit):
    return 100.0


def feels(celsius):
    return "nice"


def report(celsius):
    return "20°C is 68.0°F, that feels nice"
