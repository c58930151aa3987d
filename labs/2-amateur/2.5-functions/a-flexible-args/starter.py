def total(*numbers):
    return sum(numbers)


def biggest(first, *others):
    return first


def make_tag(tag, *children, **attributes):
    return f"<{tag}></{tag}>"


def describe_pet(name, **info):
    return name


def count_arguments(*args, **kwargs):
    return (0, [])
