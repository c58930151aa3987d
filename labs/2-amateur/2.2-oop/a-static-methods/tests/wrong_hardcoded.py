class Temperature:
    def __init__(self, celsius):
        self.celsius = 10.0

    @staticmethod
    def c_to_f(c):
        return 212.0

    @staticmethod
    def f_to_c(f):
        return 100.0

    @staticmethod
    def is_possible(c):
        return False

    def fahrenheit(self):
        return 50.0

    @classmethod
    def from_fahrenheit(cls, f):
        return cls(10.0)
