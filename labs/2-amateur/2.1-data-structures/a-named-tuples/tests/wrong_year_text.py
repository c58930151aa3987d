# Keeps the year as text and does not strip the spaces.
from collections import namedtuple

Point = namedtuple("Point", "x y")
Book = namedtuple("Book", "title author year")


def distance(p, q):
    return ((q.x - p.x) ** 2 + (q.y - p.y) ** 2) ** 0.5


def moved(p, dx, dy):
    return Point(p.x + dx, p.y + dy)


def parse_book(line):
    return Book(*line.split("; "))


def oldest(books):
    return min(books, key=lambda b: b.year) if books else None
