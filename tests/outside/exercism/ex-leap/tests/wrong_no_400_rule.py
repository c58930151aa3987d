# forgets that years divisible by 400 are leap years again
def leap_year(year):
    return year % 4 == 0 and year % 100 != 0
