'''My temperature module.'''
FREEZING = 0
BOILING = 100


def c_to_f(celsius):
    return 32 + celsius * 1.8


def f_to_c(fahrenheit):
    return round((fahrenheit - 32) / 1.8, 1)


def describe(celsius):
    if FREEZING < celsius < BOILING:
        return "liquid"
    return "freezing" if celsius <= FREEZING else "boiling"


def main():
    celsius = float(input())
    fahrenheit = c_to_f(celsius)
    print("%.1f C = %.1f F (%s)" % (celsius, fahrenheit, describe(celsius)))


if __name__ == "__main__":
    main()
