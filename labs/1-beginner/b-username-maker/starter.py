def tidy_name(text):
    return text.strip()


def username(full_name, year):
    words = full_name.split()
    return words[0] + words[1] + str(year)


def count_vowels(text):
    return text.count("a")


def hide_password(password):
    return "*" * len(password)
