def total(*numbers):
    return sum(numbers)


def biggest(first, *others):
    best = first
    for value in others:
        if value > best:
            best = value
    return best


def make_tag(tag, *children, **attributes):
    attrs = "".join(f' {name}="{value}"' for name, value in attributes.items())
    return f"<{tag}{attrs}>{''.join(children)}</{tag}>"


def describe_pet(name, **info):
    if not info:
        return name
    facts = ", ".join(f"{key}={info[key]}" for key in sorted(info))
    return f"{name}: {facts}"


def count_arguments(*args, **kwargs):
    return (len(args), sorted(kwargs))
