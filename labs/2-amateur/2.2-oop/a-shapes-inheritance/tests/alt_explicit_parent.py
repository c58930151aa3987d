from math import pi


class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        return 0

    def describe(self):
        return "%s with area %.2f" % (self.name, self.area())


class Rectangle(Shape):
    def __init__(self, width, height):
        Shape.__init__(self, "rectangle")
        self.width, self.height = width, height

    def area(self):
        return self.height * self.width


class Square(Rectangle):
    def __init__(self, side):
        Rectangle.__init__(self, side, side)
        self.name = "square"


class Circle(Shape):
    def __init__(self, radius):
        Shape.__init__(self, "circle")
        self.radius = radius

    def area(self):
        return pi * self.radius * self.radius


def total_area(shapes):
    total = 0
    for shape in shapes:
        total += shape.area()
    return round(total, 2)
