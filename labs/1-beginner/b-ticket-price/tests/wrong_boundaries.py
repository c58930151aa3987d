# Typical mistakes: <= instead of <, and the leap-year exception forgotten.
def ticket_price(age, is_student):
    if age <= 6:
        return 0
    elif age <= 18:
        return 5
    elif age > 65:
        return 6
    elif is_student:
        return 7
    return 10


def can_ride(height_cm, with_adult):
    return height_cm > 140 or (height_cm > 120 and with_adult)


def is_leap_year(year):
    return year % 4 == 0 and year % 100 != 0
