def total(*nums):
    result = 0
    for n in nums:
        result += n
    return result


def biggest(first, *others):
    return max((first,) + others)


def make_tag(tag, *children, **attributes):
    opening = "<" + tag
    for key, value in attributes.items():
        opening += " " + key + '="' + str(value) + '"'
    opening += ">"
    body = ""
    for child in children:
        body += child
    return opening + body + "</" + tag + ">"


def describe_pet(name, **facts):
    parts = []
    for key in sorted(facts.keys()):
        parts.append(key + "=" + str(facts[key]))
    return name + ": " + ", ".join(parts) if parts else name


def count_arguments(*positional, **named):
    names = list(named)
    names.sort()
    return len(positional), names
