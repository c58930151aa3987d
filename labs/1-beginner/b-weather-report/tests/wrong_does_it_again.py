# report does the maths itself instead of calling the other functions.
def c_to_f(celsius):
    return celsius * 9 / 5 + 32


def f_to_c(fahrenheit):
    return (fahrenheit - 32) * 5 / 9


def feels(celsius):
    if celsius <= 0:
        return "freezing"
    elif celsius < 15:
        return "cold"
    elif celsius < 25:
        return "nice"
    return "hot"


def report(celsius):
    f = celsius * 9 / 5 + 32
    if celsius <= 0:
        word = "freezing"
    elif celsius < 15:
        word = "cold"
    elif celsius < 25:
        word = "nice"
    else:
        word = "hot"
    return f"{celsius}°C is {f:.1f}°F, that feels {word}"
