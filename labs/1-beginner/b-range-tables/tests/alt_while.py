def times_table(n):
    return [n * i for i in range(1, 11)]


def evens_between(a, b):
    if a % 2 != 0:
        a = a + 1
    return list(range(a, b + 1, 2))


def count_down_by(start, step):
    result = []
    x = start
    while x > 0:
        result.append(x)
        x = x - step
    return result


def sum_to(n):
    if n < 1:
        return 0
    return sum(range(n + 1))
