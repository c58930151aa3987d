def bmi(weight_kg: float, height_m: float) -> float:
    return round(weight_kg / height_m ** 2, 1)


def repeat_word(word: str, times: int = 2) -> str:
    return " ".join([word] * times)


def is_teen(age: int) -> bool:
    return 13 <= age <= 19


def type_labels(func) -> dict:
    labels = {}
    for name, annotation in func.__annotations__.items():
        if isinstance(annotation, type):
            labels[name] = annotation.__name__
        else:
            labels[name] = str(annotation)
    return labels
