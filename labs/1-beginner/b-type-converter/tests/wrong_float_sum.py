# Converts with float() "to be safe": 42.0 is not the int 42, and "1.5" is accepted.
def add_texts(a, b):
    return float(a) + float(b)


def join_numbers(a, b):
    return str(a) + str(b)


def whole_part(text):
    return int(float(text))


def kind(value):
    return type(value).__name__


def is_truthy(value):
    return bool(value)
