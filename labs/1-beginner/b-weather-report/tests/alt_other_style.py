def c_to_f(celsius):
    return 32 + celsius * 1.8


def f_to_c(fahrenheit):
    return (fahrenheit - 32) / 1.8


def feels(celsius):
    if celsius >= 25:
        return "hot"
    if celsius >= 15:
        return "nice"
    if celsius > 0:
        return "cold"
    return "freezing"


def report(celsius):
    return str(celsius) + "°C is " + format(c_to_f(celsius), ".1f") + "°F, that feels " + feels(celsius)
