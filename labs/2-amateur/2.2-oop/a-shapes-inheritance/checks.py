from labcheck import check, call, class_shape, mro_names


def family(s):
    out = {}
    for name in ("Shape", "Rectangle", "Square", "Circle"):
        shape = class_shape(getattr(s, name, None))
        if "name" in shape:
            out[name] = [shape["mro"], "area" in shape["methods"], "describe" in shape["methods"]]
        else:
            out[name] = shape
    return out


@check(weight=1)
def example_rectangle(s):
    "Rectangle(3, 4).describe()"
    return call(lambda: s.Rectangle(3, 4).describe())


@check(weight=1)
def example_square(s):
    "Square(5): width, height, area(), isinstance of Rectangle and Shape"
    sq = call(s.Square, 5)
    return call(lambda: [sq.width, sq.height, sq.area(), isinstance(sq, s.Rectangle),
                         isinstance(sq, s.Shape)])


@check(weight=1)
def example_circle_and_total(s):
    "Circle(1).describe() and total_area([Square(2), Circle(1)])"
    return [call(lambda: s.Circle(1).describe()),
            call(lambda: s.total_area([s.Square(2), s.Circle(1)]))]


@check(weight=2)
def class_family(s):
    "the family tree (MRO) of each class, and which classes define area() and describe() themselves"
    return family(s)


@check(weight=3, visible=False)
def areas_more(s):
    "areas and descriptions of other shapes (zero sizes, floats, a plain Shape)"
    made = [call(s.Rectangle, 0, 5), call(s.Rectangle, 2.5, 4), call(s.Square, 1),
            call(s.Square, 10), call(s.Circle, 0), call(s.Circle, 2.5), call(s.Shape, "blob")]
    return [[call(lambda: x.name), call(lambda: x.area()), call(lambda: x.describe())] for x in made]


@check(weight=2, visible=False)
def total_area_more(s):
    "total_area of no shapes, one shape, many shapes"
    R, Q, C = s.Rectangle, s.Square, s.Circle
    lists = [lambda: [], lambda: [R(2, 3)], lambda: [C(1), C(1), C(1)],
             lambda: [Q(3), R(1, 0.5), C(0.5), s.Shape("x")]]
    return [call(lambda: s.total_area(make())) for make in lists]


@check(weight=2, visible=False)
def overriding_is_used(s):
    "a new child class that overrides area() is described by the inherited describe()"
    class Triangle(s.Shape):
        def __init__(self, base, height):
            s.Shape.__init__(self, "triangle")
            self.base, self.height = base, height

        def area(self):
            return self.base * self.height / 2

    class BigSquare(s.Square):
        def area(self):
            return 1000

    return [call(lambda: Triangle(3, 4).describe()), call(lambda: BigSquare(2).describe()),
            call(lambda: s.total_area([Triangle(1, 1), BigSquare(1)])),
            call(lambda: mro_names(BigSquare))]
