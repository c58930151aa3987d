def need_umbrella(raining, snowing):
    return raining


def can_play_outside(raining, homework_done):
    return homework_done


def exactly_one(a, b):
    return a or b


def is_teen(age):
    return age > 13


def free_entry(age, member):
    return member
