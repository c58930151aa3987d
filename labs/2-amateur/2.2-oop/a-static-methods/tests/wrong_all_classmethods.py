# Works when called, but uses class methods everywhere, and > instead of >=.
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    @classmethod
    def c_to_f(cls, c):
        return c * 9 / 5 + 32

    @classmethod
    def f_to_c(cls, f):
        return (f - 32) * 5 / 9

    @classmethod
    def is_possible(cls, c):
        return c > -273.15

    def fahrenheit(self):
        return self.c_to_f(self.celsius)

    @classmethod
    def from_fahrenheit(cls, f):
        return cls(cls.f_to_c(f))
