def bmi(weight_kg, height_m):
    return round(weight_kg / height_m ** 2, 1)


def repeat_word(word: str, times: int = 2) -> str:
    return (word + " ") * times


def is_teen(age: int) -> bool:
    return 13 <= age <= 19


def type_labels(func):
    # look at func.__annotations__
    return {}
