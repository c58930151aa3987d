def need_umbrella(raining, snowing):
    return raining or snowing


def can_play_outside(raining, homework_done):
    return not raining and homework_done


def exactly_one(a, b):
    return (a or b) and not (a and b)


def is_teen(age):
    return 13 <= age <= 19


def free_entry(age, member):
    return age < 6 or age >= 65 or member
