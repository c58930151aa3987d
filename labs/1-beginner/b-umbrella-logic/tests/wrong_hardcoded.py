def need_umbrella(raining, snowing):
    return True


def can_play_outside(raining, homework_done):
    return False


def exactly_one(a, b):
    return False


def is_teen(age):
    return True


def free_entry(age, member):
    return False
