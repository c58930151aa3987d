def leap_year(year):
    # return True when year is a leap year, else False
    pass
