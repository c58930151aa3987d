import math


def classify(number):
    if not number > 0:
        raise ValueError("Classification is only possible for positive integers.")
    divisors = set()
    for d in range(1, math.isqrt(number) + 1):
        if number % d == 0:
            divisors |= {d, number // d}
    divisors.discard(number)
    total = sum(divisors)
    return "perfect" if total == number else ("abundant" if total > number else "deficient")
