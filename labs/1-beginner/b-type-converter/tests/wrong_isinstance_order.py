# isinstance(True, int) is True, so booleans are called "int"; round() instead of cutting.
def add_texts(a, b):
    return int(a) + int(b)


def join_numbers(a, b):
    return str(a) + str(b)


def whole_part(text):
    return round(float(text))


def kind(value):
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, bool):
        return "bool"
    return "str"


def is_truthy(value):
    return bool(value)
