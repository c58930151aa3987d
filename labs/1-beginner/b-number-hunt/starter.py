def first_negative(numbers):
    for i in range(len(numbers)):
        pass  # replace pass: is numbers[i] negative?
    return -1


def sum_of_positives(numbers):
    total = 0
    for x in numbers:
        total = total + x
    return total


def sum_until_zero(numbers):
    total = 0
    for x in numbers:
        total = total + x
    return total
