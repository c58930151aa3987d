# collections is imported here once, by the harness before it starts the checks, so that the
# student's `from collections import namedtuple` does not load it again in every check's
# process (that import was most of this lab's grading time).
import collections  # noqa: F401

from labcheck import case, case_call, cases, check, call, raises, type_name

# A named tuple is compared like a plain tuple, so the checks also observe its type and fields.


def view(t):
    """A named tuple seen from outside: its type, its values and its field names."""
    if isinstance(t, dict) and "$raised" in t:        # the student's code raised
        return t
    return [type_name(t), t, getattr(t, "_fields", None)]


def field(obj, name):
    try:
        return getattr(obj, name)
    except Exception as e:
        return {"$raised": type(e).__name__}


# ---- visible checks: the examples of README.md -------------------------------------------------


@check(weight=1)
@cases("Point", "Book")
def example_types(s, which):
    "Point and Book are named tuples: fields by name and by position"
    if which == "Point":
        p = call(s.Point, 3, 4)
        case_call("p = Point(3, 4); p, p.x, p.y, p[0]")
        return [view(p), field(p, "x"), field(p, "y"), call(lambda: p[0])]
    b = call(s.Book, "Dune", "Frank Herbert", 1965)
    case_call('b = Book("Dune", "Frank Herbert", 1965); b, b.title, b.author, b.year, b[2]')
    return [view(b), field(b, "title"), field(b, "author"), field(b, "year"), call(lambda: b[2])]


@check(weight=2, exact_types=True)
@cases("distance", "moved", "parse_book", "oldest")
def example_functions(s, name):
    "distance gives a float, moved a new Point, parse_book a Book (year: an int), oldest a Book"
    if name == "distance":
        case_call("distance(Point(0, 0), Point(3, 4))")
        return call(s.distance, call(s.Point, 0, 0), call(s.Point, 3, 4))
    if name == "moved":
        case_call("moved(Point(1, 2), 10, -1)")
        return view(call(s.moved, call(s.Point, 1, 2), 10, -1))
    if name == "parse_book":
        case_call('parse_book("Dune; Frank Herbert; 1965")')
        return view(call(s.parse_book, "Dune; Frank Herbert; 1965"))
    case_call('oldest([Book("B", "X", 2001), Book("A", "Y", 1999)])')
    return view(call(s.oldest, [call(s.Book, "B", "X", 2001), call(s.Book, "A", "Y", 1999)]))


# ---- hidden checks -----------------------------------------------------------------------------


@check(weight=2, visible=False)
@cases(case("set_point", about="changing x of a Point"),
       case("set_book", about="changing the year of a Book"),
       case("keywords", about="a Book made with keywords in another order"),
       case("unpack", about="unpacking a Point into two variables"),
       case("equal", about="comparing a Point with a plain tuple"),
       case("is_tuple", about="a Book is a tuple"), case("len", about="the length of a Book"),
       case("fields", about="the fields of Point, in order"))
def named_tuples_are_tuples(s, what):
    "Point and Book behave like tuples"
    p = call(s.Point, 5, -2)
    if what == "set_point":
        return raises(setattr, p, "x", 9)
    if what == "set_book":
        return raises(setattr, call(s.Book, "T", "A", 2020), "year", 1)
    if what == "keywords":
        return view(call(s.Book, year=2020, title="T", author="A"))
    if what == "unpack":
        def unpack():
            x, y = p
            return [x, y]
        return call(unpack)
    if what == "equal":
        return call(lambda: p == (5, -2))
    if what == "is_tuple":
        return isinstance(call(s.Book, "T", "A", 2020), tuple)
    if what == "len":
        return call(len, call(s.Book, "T", "A", 2020))
    return field(s.Point, "_fields")


# Both hidden tables compare ints and floats exactly: distance must give a float (README.md),
# parse_book an int year; moved and oldest give back the numbers they were given.


@check(weight=3, visible=False, exact_types=True)
@cases(case("distance", (0, 0), (0, 0), about="distance: the same point twice"),
       case("distance", (-1, -1), (2, 3), about="distance: negative numbers"),
       case("distance", (1.5, 0), (0, 2), about="distance: decimal numbers"),
       case("distance", (10, 10), (10, 13), about="distance: one point above the other"),
       ("distance", (2, 1), (-3, 13)),
       case("moved", (7, 8), (-7, 0.5), about="moved: a negative and a decimal move"),
       case("moved", (7, 8), (0, 0), about="moved: no move at all"),
       ("moved", (0, 0), (3, 4)),
       case("old", (7, 8), (1, 1), about="moved: the old point after the move"))
def distance_and_moved_more(s, what, a, b):
    "distance measures other points, moved moves them to a new Point"
    p = call(s.Point, *a)
    if what == "distance":
        return call(s.distance, p, call(s.Point, *b))
    new = call(s.moved, p, *b)
    return view(p if what == "old" else new)


@check(weight=3, visible=False, exact_types=True)
@cases(case("parse_book", "It;Stephen King;1986", about="parse_book: no spaces around the ;"),
       case("parse_book", "  Momo ;  Michael Ende ;1973 ", about="parse_book: extra spaces"),
       case("parse_book", "The Hobbit; J. R. R. Tolkien; 1937",
            about="parse_book: dots and spaces inside the parts"),
       case("parse_book", "Zoë's Diary; Zoë; 2024",
            about="parse_book: accents and an apostrophe"),
       ("parse_book", "Matilda; Roald Dahl; 1988"),
       case("oldest", [], about="oldest of an empty list"),
       case("oldest", [("Solo", "S", 2000)], about="oldest of one book"),
       case("oldest", [("A", "x", 1990), ("B", "y", 1990)],
            about="oldest of two books from the same year"),
       case("oldest", [("N", "a", 2010), ("M", "b", 2005), ("O", "c", 1850)],
            about="oldest when the oldest book is last"),
       case("oldest", [("Q", "q", -300), ("R", "r", 5)], about="oldest with a year before year 0"),
       ("oldest", [("K", "k", 1999), ("L", "l", 2001), ("J", "j", 1998), ("I", "i", 2024)]))
def parse_book_and_oldest_more(s, what, data):
    "parse_book reads other lines, oldest finds the oldest of other books"
    if what == "parse_book":
        return view(call(s.parse_book, data))
    return view(call(s.oldest, [call(s.Book, *b) for b in data]))
