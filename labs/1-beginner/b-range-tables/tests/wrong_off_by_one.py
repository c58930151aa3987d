# Forgets that range stops before its end.
def times_table(n):
    return [n * i for i in range(1, 11)]


def evens_between(a, b):
    return [x for x in range(a, b) if x % 2 == 0]


def count_down_by(start, step):
    return list(range(start, 0, -step))


def sum_to(n):
    return sum(range(1, n))
