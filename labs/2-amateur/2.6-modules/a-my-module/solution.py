"""Temperature tools: convert between Celsius and Fahrenheit and describe water."""

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


if __name__ == "__main__":
    c = float(input("Degrees Celsius: "))
    print(f"{c:.1f} C = {c_to_f(c):.1f} F ({describe(c)})")
