def is_armstrong_number(number):
    digits = []
    rest = number
    while True:
        rest, last = divmod(rest, 10)
        digits.append(last)
        if rest == 0:
            break
    total = 0
    for d in digits:
        total += d ** len(digits)
    return total == number
