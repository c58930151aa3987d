# Another correct style: enumerate, while loops, break and continue in other places.
def first_negative(numbers):
    found = -1
    for i, x in enumerate(numbers):
        if x >= 0:
            continue
        found = i
        break
    return found


def sum_of_positives(numbers):
    total = 0
    i = 0
    while i < len(numbers):
        x = numbers[i]
        i += 1
        if not x > 0:
            continue
        total = total + x
    return total


def sum_until_zero(numbers):
    total = 0
    i = 0
    while True:
        if i == len(numbers) or numbers[i] == 0:
            break
        total += numbers[i]
        i += 1
    return total
