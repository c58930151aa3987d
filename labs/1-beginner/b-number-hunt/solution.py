def first_negative(numbers):
    position = -1
    for i in range(len(numbers)):
        if numbers[i] < 0:
            position = i
            break
    return position


def sum_of_positives(numbers):
    total = 0
    for x in numbers:
        if x <= 0:
            continue
        total += x
    return total


def sum_until_zero(numbers):
    total = 0
    for x in numbers:
        if x == 0:
            break
        total += x
    return total
