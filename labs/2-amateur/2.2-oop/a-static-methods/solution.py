class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32

    @staticmethod
    def f_to_c(f):
        return (f - 32) * 5 / 9

    @staticmethod
    def is_possible(c):
        return c >= -273.15

    def fahrenheit(self):
        return self.c_to_f(self.celsius)

    @classmethod
    def from_fahrenheit(cls, f):
        return cls(cls.f_to_c(f))
