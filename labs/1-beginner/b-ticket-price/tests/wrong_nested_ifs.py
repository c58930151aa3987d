# Right answers, but conditions are never combined: only nested ifs, no and/or/not.
def ticket_price(age, is_student):
    if age < 6:
        return 0
    elif age < 18:
        return 5
    elif age >= 65:
        return 6
    elif is_student:
        return 7
    else:
        return 10


def can_ride(height_cm, with_adult):
    if height_cm >= 140:
        return True
    if height_cm >= 120:
        if with_adult:
            return True
    return False


def is_leap_year(year):
    if year % 400 == 0:
        return True
    if year % 100 == 0:
        return False
    if year % 4 == 0:
        return True
    return False
