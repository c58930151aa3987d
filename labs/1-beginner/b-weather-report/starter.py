def c_to_f(celsius):
    return celsius * 9 / 5


def f_to_c(fahrenheit):
    return 0


def feels(celsius):
    if celsius >= 25:
        return "hot"
    return "nice"


def report(celsius):
    return f"{celsius}°C"
