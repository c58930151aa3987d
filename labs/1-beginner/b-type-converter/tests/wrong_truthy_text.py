# Thinks the text "False" and "0" are false, and lets 1.5 through.
def add_texts(a, b):
    return int(float(a)) + int(float(b))


def join_numbers(a, b):
    return str(a) + str(b)


def whole_part(text):
    return int(float(text))


def kind(value):
    return type(value).__name__


def is_truthy(value):
    if value in ("", "False", "0", 0, 0.0, False):
        return False
    return True
