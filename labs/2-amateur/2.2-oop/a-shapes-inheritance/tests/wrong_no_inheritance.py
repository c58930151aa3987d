# Every class stands alone (no inheritance), each with its own copy of describe().
import math


class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        return 0

    def describe(self):
        return f"{self.name} with area {self.area():.2f}"


class Rectangle:
    def __init__(self, width, height):
        self.name, self.width, self.height = "rectangle", width, height

    def area(self):
        return self.width * self.height

    def describe(self):
        return f"{self.name} with area {self.area():.2f}"


class Square(Rectangle):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"


class Circle:
    def __init__(self, radius):
        self.name, self.radius = "circle", radius

    def area(self):
        return math.pi * self.radius ** 2

    def describe(self):
        return f"{self.name} with area {self.area():.2f}"


def total_area(shapes):
    return round(sum(s.area() for s in shapes), 2)
