ABSOLUTE_ZERO = -273.15


class Temperature:
    @staticmethod
    def c_to_f(c):
        return 32 + 1.8 * c

    @staticmethod
    def f_to_c(f):
        return (f - 32) / 1.8

    @staticmethod
    def is_possible(c):
        return not c < ABSOLUTE_ZERO

    def __init__(self, celsius):
        self.celsius = celsius

    def fahrenheit(self):
        return Temperature.c_to_f(self.celsius)

    @classmethod
    def from_fahrenheit(cls, f):
        return cls(Temperature.f_to_c(f))
