"""Prints a demo when imported (no __name__ check), and has no main program."""
FREEZING = 0
BOILING = 100


def c_to_f(celsius):
    return celsius * 9 / 5 + 32


def f_to_c(fahrenheit):
    return round((fahrenheit - 32) * 5 / 9, 1)


def describe(celsius):
    if celsius <= FREEZING:
        return "freezing"
    if celsius >= BOILING:
        return "boiling"
    return "liquid"


print("Demo:", c_to_f(100))
