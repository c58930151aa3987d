# Returns texts instead of booleans.
def need_umbrella(raining, snowing):
    return "True" if raining or snowing else "False"


def can_play_outside(raining, homework_done):
    return "True" if not raining and homework_done else "False"


def exactly_one(a, b):
    return "True" if a != b else "False"


def is_teen(age):
    return "True" if 13 <= age <= 19 else "False"


def free_entry(age, member):
    return "True" if age < 6 or age >= 65 or member else "False"
