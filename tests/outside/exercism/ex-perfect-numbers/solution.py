def aliquot_sum(number):
    total = 0
    d = 1
    while d * d <= number:
        if number % d == 0:
            total += d
            other = number // d
            if other != d:
                total += other
        d += 1
    return total - number


def classify(number):
    if number < 1:
        raise ValueError("Classification is only possible for positive integers.")
    s = aliquot_sum(number)
    if s == number:
        return "perfect"
    return "abundant" if s > number else "deficient"
