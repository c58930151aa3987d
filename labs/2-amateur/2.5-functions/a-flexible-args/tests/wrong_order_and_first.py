# Sorts the tag attributes, forgets the first value in biggest, does not sort pet facts.
def total(*numbers):
    return sum(numbers)


def biggest(first, *others):
    return max(others) if others else first


def make_tag(tag, *children, **attributes):
    attrs = "".join(f' {k}="{attributes[k]}"' for k in sorted(attributes))
    return f"<{tag}{attrs}>{''.join(children)}</{tag}>"


def describe_pet(name, **info):
    if not info:
        return name
    return name + ": " + ", ".join(f"{k}={v}" for k, v in info.items())


def count_arguments(*args, **kwargs):
    return (len(args), list(kwargs))
