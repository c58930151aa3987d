# Right answers, but no range at all: every list is built with a while loop (the README asks
# for range).
def times_table(n):
    result = []
    i = 1
    while i <= 10:
        result.append(n * i)
        i += 1
    return result


def evens_between(a, b):
    result = []
    x = a
    while x <= b:
        if x % 2 == 0:
            result.append(x)
        x += 1
    return result


def count_down_by(start, step):
    result = []
    while start > 0:
        result.append(start)
        start -= step
    return result


def sum_to(n):
    total = 0
    while n > 0:
        total += n
        n -= 1
    return total
