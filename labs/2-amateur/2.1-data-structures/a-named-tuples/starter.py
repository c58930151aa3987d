from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
# Book = ...


def distance(p, q):
    return 0.0


def moved(p, dx, dy):
    return (p[0] + dx, p[1] + dy)


def parse_book(line):
    return line.split(";")


def oldest(books):
    return None
