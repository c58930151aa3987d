from labcheck import check, call, raises, type_name


def view(t):
    """A named tuple seen from outside: its type, its values and its field names."""
    return [type_name(t), call(lambda: list(t)), getattr(t, "_fields", None)]


@check(weight=1)
def example_types(s):
    "Point(3, 4) and Book('Dune', 'Frank Herbert', 1965): fields, access by name and position"
    p = call(s.Point, 3, 4)
    b = call(s.Book, "Dune", "Frank Herbert", 1965)
    return [view(p), call(lambda: [p.x, p.y, p[0]]), view(b),
            call(lambda: [b.title, b.author, b.year, b[2]])]


@check(weight=1)
def example_distance(s):
    "distance(Point(0, 0), Point(3, 4))"
    return call(lambda: s.distance(s.Point(0, 0), s.Point(3, 4)))


@check(weight=1)
def example_moved(s):
    "moved(Point(1, 2), 10, -1) gives a new Point"
    return view(call(lambda: s.moved(s.Point(1, 2), 10, -1)))


@check(weight=1)
def example_parse_book(s):
    'parse_book("Dune; Frank Herbert; 1965")'
    return view(call(s.parse_book, "Dune; Frank Herbert; 1965"))


@check(weight=1)
def example_oldest(s):
    'oldest([Book("B", "X", 2001), Book("A", "Y", 1999)])'
    return view(call(lambda: s.oldest([s.Book("B", "X", 2001), s.Book("A", "Y", 1999)])))


@check(weight=2, visible=False)
def named_tuples_are_tuples(s):
    "Point and Book are real tuples: immutable, unpackable, equal to plain tuples, keywords work"
    p = call(s.Point, 5, -2)
    b = call(lambda: s.Book(year=2020, title="T", author="A"))
    def unpack():
        x, y = p
        return [x, y]
    return [raises(setattr, p, "x", 9), raises(setattr, b, "year", 1), view(p), view(b),
            call(unpack), call(lambda: p == (5, -2)), call(lambda: isinstance(b, tuple)),
            call(lambda: len(b)), call(lambda: s.Point._fields)]


@check(weight=2, visible=False)
def distance_and_moved_more(s):
    "distance and moved with negative numbers, the same point, floats; the old point is unchanged"
    P = s.Point
    pairs = [((0, 0), (0, 0)), ((-1, -1), (2, 3)), ((1.5, 0), (0, 2)), ((10, 10), (10, 13))]
    dists = [call(lambda: s.distance(P(*a), P(*b))) for a, b in pairs]
    old = call(P, 7, 8)
    new = call(s.moved, old, -7, 0.5)
    zero = call(s.moved, old, 0, 0)
    return [dists, view(old), view(new), view(zero)]


@check(weight=2, visible=False)
def parse_book_more(s):
    "parse_book with extra spaces, a one-word title, long names and accents"
    lines = ["It;Stephen King;1986", "  Momo ;  Michael Ende ;1973 ",
             "The Hobbit; J. R. R. Tolkien; 1937", "Zoë's Diary; Zoë; 2024"]
    return [view(call(s.parse_book, line)) for line in lines]


@check(weight=2, visible=False)
def oldest_more(s):
    "oldest with one book, equal years, the oldest last, an empty list"
    B = s.Book
    cases = [[], [("Solo", "S", 2000)], [("A", "x", 1990), ("B", "y", 1990)],
             [("N", "a", 2010), ("M", "b", 2005), ("O", "c", 1850)], [("Q", "q", -300), ("R", "r", 5)]]
    return [view(call(lambda: s.oldest([B(*x) for x in c]))) for c in cases]
