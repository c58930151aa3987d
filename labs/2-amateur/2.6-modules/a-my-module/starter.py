FREEZING = 0
BOILING = 100


def c_to_f(celsius):
    return celsius * 9 / 5 + 32


def f_to_c(fahrenheit):
    return (fahrenheit - 32) * 5 / 9


def describe(celsius):
    return "liquid"


# This runs even when the file is imported! Put it in an  if __name__ == "__main__":  block.
c = float(input("Degrees Celsius: "))
print(f"{c:.1f} C = {c_to_f(c):.1f} F ({describe(c)})")
