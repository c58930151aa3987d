# starts every sum at 1 (so 1 looks perfect) and words the error differently
def classify(number):
    if number < 1:
        raise ValueError("Number must be positive.")
    total = 1
    d = 2
    while d * d <= number:
        if number % d == 0:
            total += d
            if number // d != d:
                total += number // d
        d += 1
    if total == number:
        return "perfect"
    return "abundant" if total > number else "deficient"
