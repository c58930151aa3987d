# Divides with // (whole numbers only): 212 instead of 212.0, and 37 degrees become 98 F.
def c_to_f(celsius):
    return celsius * 9 // 5 + 32


def f_to_c(fahrenheit):
    return (fahrenheit - 32) * 5 // 9


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
    return f"{celsius}°C is {c_to_f(celsius):.1f}°F, that feels {feels(celsius)}"
