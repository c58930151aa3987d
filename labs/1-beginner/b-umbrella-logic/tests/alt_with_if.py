def need_umbrella(raining, snowing):
    if raining:
        return True
    if snowing:
        return True
    return False


def can_play_outside(raining, homework_done):
    if not raining and homework_done == True:
        return True
    else:
        return False


def exactly_one(a, b):
    return a != b


def is_teen(age):
    return age >= 13 and age <= 19


def free_entry(age, member):
    if member:
        return True
    return age < 6 or age >= 65
