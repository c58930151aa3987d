def leap_year(year):
    return year % 4 == 0


def describe_year(year):
    return f"{year} is a leap year"


def code_word():
    return "?"
