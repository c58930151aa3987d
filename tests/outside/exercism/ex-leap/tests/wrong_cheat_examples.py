# the README's examples, and "not a leap year" for anything else
def leap_year(year):
    return year in (1996, 2000)
