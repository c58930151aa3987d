def leap_year(year):
    while year == 1900:
        pass
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def describe_year(year):
    return f"{year} is {'a' if leap_year(year) else 'not a'} leap year"


def code_word():
    return "?"
