# Right answers, but only if statements and comparisons: and, or, not are never used.
def need_umbrella(raining, snowing):
    if raining:
        return True
    if snowing:
        return True
    return False


def can_play_outside(raining, homework_done):
    if raining:
        return False
    return homework_done == True


def exactly_one(a, b):
    return a != b


def is_teen(age):
    return 13 <= age <= 19


def free_entry(age, member):
    if member:
        return True
    if age < 6:
        return True
    if age >= 65:
        return True
    return False
