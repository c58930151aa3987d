def add_texts(a, b):
    first = int(a.strip())
    second = int(b.strip())
    return first + second


def join_numbers(a, b):
    return f"{a}{b}"


def whole_part(text):
    number = float(text)
    return int(number)


def kind(value):
    if type(value) == bool:
        return "bool"
    if type(value) == int:
        return "int"
    if type(value) == float:
        return "float"
    return "str"


def is_truthy(value):
    if value:
        return True
    else:
        return False
