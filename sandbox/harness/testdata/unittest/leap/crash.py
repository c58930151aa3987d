def leap_year(year):
    return year % 4 == 0 and 100 / (year % 100)


def describe_year(year):
    print("describing", year)
    return f"{year} is a leap year"


def code_word():
    raise KeyError("no word")
