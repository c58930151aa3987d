from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
Book = namedtuple("Book", ["title", "author", "year"])


def distance(p, q):
    return ((q.x - p.x) ** 2 + (q.y - p.y) ** 2) ** 0.5


def moved(p, dx, dy):
    return p._replace(x=p.x + dx, y=p.y + dy)


def parse_book(line):
    title, author, year = line.split(";")
    return Book(title.strip(), author.strip(), int(year))


def oldest(books):
    if not books:
        return None
    return min(books, key=lambda b: b.year)
