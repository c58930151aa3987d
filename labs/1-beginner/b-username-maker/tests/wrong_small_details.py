# Forgets capital vowels and splits on single spaces.
def tidy_name(text):
    return " ".join(w.capitalize() for w in text.strip().split(" "))


def username(full_name, year):
    words = full_name.split()
    return (words[0][0] + words[-1]).lower() + str(year)[-2:]


def count_vowels(text):
    return sum(1 for ch in text if ch in "aeiou")


def hide_password(password):
    if len(password) <= 3:
        return password
    return "*" * (len(password) - 3) + password[-3:]
