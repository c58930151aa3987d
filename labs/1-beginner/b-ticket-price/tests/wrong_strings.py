# Returns texts instead of booleans.
def ticket_price(age, is_student):
    if age < 6:
        return 0
    elif age < 18:
        return 5
    elif age >= 65:
        return 6
    elif is_student:
        return 7
    return 10


def can_ride(height_cm, with_adult):
    if height_cm >= 140 or (height_cm >= 120 and with_adult):
        return "True"
    return "False"


def is_leap_year(year):
    return "True" if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else "False"
