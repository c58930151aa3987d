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
    else:
        return "hot"


def report(celsius):
    fahrenheit = c_to_f(celsius)
    word = feels(celsius)
    return f"{celsius}°C is {fahrenheit:.1f}°F, that feels {word}"
