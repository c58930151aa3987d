from labcheck import case, case_call, cases, check, call, class_shape, mro_names

CLASSES = ("Shape", "Rectangle", "Square", "Circle")


def attr(obj, name):
    try:
        return getattr(obj, name)
    except Exception as e:
        return {"$raised": type(e).__name__}


def method(obj, name):
    return call(lambda: getattr(obj, name)())


# ---- visible checks: the examples of README.md -------------------------------------------------


@check(weight=1)
def example_rectangle(s):
    "a Rectangle describes itself with its area"
    case_call("Rectangle(3, 4).describe()")
    return method(call(s.Rectangle, 3, 4), "describe")


@check(weight=1)
@cases("sizes", "isinstance")
def example_square(s, what):
    "a Square is a Rectangle with equal sides, and a Shape"
    sq = call(s.Square, 5)
    if what == "sizes":
        case_call("sq = Square(5); sq.width, sq.height, sq.area()")
        return (attr(sq, "width"), attr(sq, "height"), method(sq, "area"))
    case_call("sq = Square(5); isinstance(sq, Rectangle), isinstance(sq, Shape)")
    return (isinstance(sq, s.Rectangle), isinstance(sq, s.Shape))


@check(weight=1)
@cases("circle", "total")
def example_circle_and_total(s, what):
    "a Circle describes itself; total_area adds the areas of a list of shapes"
    if what == "circle":
        case_call("Circle(1).describe()")
        return method(call(s.Circle, 1), "describe")
    case_call("total_area([Square(2), Circle(1)])")
    return call(s.total_area, [call(s.Square, 2), call(s.Circle, 1)])


@check(weight=2)
@cases(*CLASSES)
def class_family(s, name):
    "the family tree (MRO) of each class, and whether it defines area() and describe() itself"
    case_call(f"{name}.__mro__, 'area' in vars({name}), 'describe' in vars({name})")
    shape = class_shape(getattr(s, name, None))
    if "name" not in shape:
        return shape
    return [shape["mro"], "area" in shape["methods"], "describe" in shape["methods"]]


# ---- hidden checks -----------------------------------------------------------------------------


@check(weight=3, visible=False)
@cases(case("Rectangle", 0, 5, about="a rectangle with a width of 0"),
       case("Rectangle", 2.5, 4, about="a rectangle with a decimal side"),
       case("Square", 1, about="a square of side 1"), ("Square", 10),
       case("Circle", 0, about="a circle with a radius of 0"),
       case("Circle", 2.5, about="a circle with a decimal radius"),
       case("Shape", "blob", about="a plain Shape"))
def areas_more(s, cls, *args):
    "name, area and description of other shapes"
    x = call(getattr(s, cls), *args)
    return [attr(x, "name"), method(x, "area"), method(x, "describe")]


@check(weight=2, visible=False)
@cases(case([], about="no shapes at all"), case([("Rectangle", 2, 3)], about="one shape"),
       case([("Circle", 1)] * 3, about="three equal circles"),
       case([("Square", 3), ("Rectangle", 1, 0.5), ("Circle", 0.5), ("Shape", "x")],
            about="every kind of shape, a plain Shape too"))
def total_area_more(s, shapes):
    "total_area of other lists of shapes"
    return call(s.total_area, [call(getattr(s, c), *args) for c, *args in shapes])


def triangle_and_big_square(s):
    class Triangle(s.Shape):
        def __init__(self, base, height):
            s.Shape.__init__(self, "triangle")
            self.base, self.height = base, height

        def area(self):
            return self.base * self.height / 2

    class BigSquare(s.Square):
        def area(self):
            return 1000

    return Triangle, BigSquare


@check(weight=2, visible=False)
@cases(case("triangle", about="a new child of Shape with its own area()"),
       case("big_square", about="a new child of Square with its own area()"),
       case("total", about="total_area of those new shapes"),
       case("mro", about="the MRO of the new child of Square"))
def overriding_is_used(s, what):
    "new child classes that override area() are described by the inherited describe()"
    made = call(triangle_and_big_square, s)
    if isinstance(made, dict):
        return made
    Triangle, BigSquare = made
    if what == "triangle":
        return method(call(Triangle, 3, 4), "describe")
    if what == "big_square":
        return method(call(BigSquare, 2), "describe")
    if what == "total":
        return call(s.total_area, [call(Triangle, 1, 1), call(BigSquare, 1)])
    return mro_names(BigSquare)
