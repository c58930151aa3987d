# Uses the second word instead of the last one, and hides short passwords completely.
def tidy_name(text):
    return " ".join(w.capitalize() for w in text.split())


def username(full_name, year):
    words = full_name.split()
    return (words[0][0] + words[1]).lower() + str(year)[2:]


def count_vowels(text):
    return sum(1 for ch in text.lower() if ch in "aeiou")


def hide_password(password):
    return "*" * (len(password) - 3) + password[-3:]
