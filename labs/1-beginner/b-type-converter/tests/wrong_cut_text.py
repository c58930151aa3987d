# Cuts the text at the dot instead of converting it: fine for "3.99", but "1e3" and other
# numbers written the scientific way are not read as numbers.
def add_texts(a, b):
    return int(a) + int(b)


def join_numbers(a, b):
    return str(a) + str(b)


def whole_part(text):
    return int(text.strip().split(".")[0])


def kind(value):
    return type(value).__name__


def is_truthy(value):
    return bool(value)
