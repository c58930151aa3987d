def leap_year(year):
    """True when year has a 29th of February."""
    if year % 400 == 0:
        return True
    if year % 100 == 0:
        return False
    return year % 4 == 0
