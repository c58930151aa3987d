def tidy_name(text):
    words = []
    for word in text.split():
        words.append(word.capitalize())
    return " ".join(words)


def username(full_name, year):
    words = full_name.split()
    return (words[0][0] + words[-1]).lower() + str(year)[-2:]


def count_vowels(text):
    total = 0
    for ch in text.lower():
        if ch in "aeiou":
            total += 1
    return total


def hide_password(password):
    if len(password) <= 3:
        return password
    return "*" * (len(password) - 3) + password[-3:]
