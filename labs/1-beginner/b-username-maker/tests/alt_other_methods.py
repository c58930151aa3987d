def tidy_name(text):
    return " ".join(text.split()).title()


def username(full_name, year):
    parts = full_name.strip().split()
    first_letter = parts[0][:1].lower()
    last_word = parts[len(parts) - 1].lower()
    return first_letter + last_word + f"{year % 100:02d}"


def count_vowels(text):
    low = text.lower()
    return low.count("a") + low.count("e") + low.count("i") + low.count("o") + low.count("u")


def hide_password(password):
    stars = max(0, len(password) - 3)
    return "*" * stars + password[stars:]
