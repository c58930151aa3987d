# Annotates is_teen with "-> str" by mistake, and uses str() for classes too.
def bmi(weight_kg: float, height_m: float) -> float:
    return round(weight_kg / height_m ** 2, 1)


def repeat_word(word: str, times: int = 2) -> str:
    return " ".join([word] * times)


def is_teen(age: int) -> str:
    return 13 <= age <= 19


def type_labels(func):
    return {k: str(v) for k, v in func.__annotations__.items()}
