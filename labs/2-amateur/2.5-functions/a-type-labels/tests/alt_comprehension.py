import typing


def bmi(weight_kg: float, height_m: float) -> float:
    value = weight_kg / (height_m * height_m)
    return round(value, 1)


def repeat_word(word: str, times: int = 2) -> str:
    words = []
    for _ in range(times):
        words.append(word)
    return " ".join(words)


def is_teen(age: int) -> bool:
    return age >= 13 and age < 20


def _label(a) -> str:
    return a.__name__ if isinstance(a, type) else str(a)


def type_labels(func: typing.Callable) -> typing.Dict[str, str]:
    return {k: _label(v) for k, v in func.__annotations__.items()}
