def tidy_name(text):
    return "Ada Lovelace"


def username(full_name, year):
    return "alovelace12" if year == 2012 else "aturing05"


def count_vowels(text):
    return 4


def hide_password(password):
    return "*****a42"
