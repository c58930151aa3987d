def times_table(n):
    result = []
    for i in range(1, 11):
        result.append(n * i)
    return result


def evens_between(a, b):
    result = []
    for x in range(a, b + 1):
        if x % 2 == 0:
            result.append(x)
    return result


def count_down_by(start, step):
    return list(range(start, 0, -step))


def sum_to(n):
    total = 0
    for i in range(1, n + 1):
        total += i
    return total
