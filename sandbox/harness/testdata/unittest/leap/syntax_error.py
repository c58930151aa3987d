def leap_year(year)
    return True
