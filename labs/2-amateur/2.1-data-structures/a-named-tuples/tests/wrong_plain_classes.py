# Ordinary classes instead of named tuples: they can be changed and are not tuples.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Book:
    def __init__(self, title, author, year):
        self.title = title
        self.author = author
        self.year = year


def distance(p, q):
    return ((q.x - p.x) ** 2 + (q.y - p.y) ** 2) ** 0.5


def moved(p, dx, dy):
    p.x += dx
    p.y += dy
    return p


def parse_book(line):
    title, author, year = line.split(";")
    return Book(title.strip(), author.strip(), int(year))


def oldest(books):
    return min(books, key=lambda b: b.year) if books else None
