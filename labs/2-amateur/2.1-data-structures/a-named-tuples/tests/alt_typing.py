import math
from typing import NamedTuple


class Point(NamedTuple):
    x: float
    y: float


class Book(NamedTuple):
    title: str
    author: str
    year: int


def distance(p, q):
    return math.dist(p, q)


def moved(p, dx, dy):
    return Point(p.x + dx, p.y + dy)


def parse_book(line):
    parts = [part.strip() for part in line.split(";")]
    return Book(parts[0], parts[1], int(parts[2]))


def oldest(books):
    best = None
    for b in books:
        if best is None or b.year < best.year:
            best = b
    return best
