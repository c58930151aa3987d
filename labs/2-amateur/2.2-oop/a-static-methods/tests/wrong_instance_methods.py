# Forgets @staticmethod: calling on the class needs an object.
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    def c_to_f(self, c):
        return c * 9 / 5 + 32

    def f_to_c(self, f):
        return (f - 32) * 5 / 9

    def is_possible(self, c):
        return c >= -273.15

    def fahrenheit(self):
        return self.c_to_f(self.celsius)

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)
