def add_texts(a, b):
    return a + b


def join_numbers(a, b):
    return a + b


def whole_part(text):
    return int(text)


def kind(value):
    return "int"


def is_truthy(value):
    return value
