def add_texts(a, b):
    return int(a) + int(b)


def join_numbers(a, b):
    return str(a) + str(b)


def whole_part(text):
    return int(float(text))


def kind(value):
    return type(value).__name__


def is_truthy(value):
    return bool(value)
