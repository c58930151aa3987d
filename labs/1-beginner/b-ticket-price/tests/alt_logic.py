def ticket_price(age, is_student):
    price = 10
    if is_student:
        price = 7
    if age >= 65:
        price = 6
    if age < 18:
        price = 5
    if age < 6:
        price = 0
    return price


def can_ride(height_cm, with_adult):
    if height_cm < 120:
        return False
    if height_cm < 140 and not with_adult:
        return False
    return True


def is_leap_year(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
