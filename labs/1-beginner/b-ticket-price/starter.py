def ticket_price(age, is_student):
    if age < 6:
        return 0
    # Add the other rules here, in the order of the table.
    return 10


def can_ride(height_cm, with_adult):
    return height_cm >= 140


def is_leap_year(year):
    return year % 4 == 0
