def price_tag(item, price):
    return item + ": " + str(price) + " coins"


def short_name(first, last):
    return first + " " + last


def score_line(name, score, width):
    # How many dots are needed so that the line is `width` long?
    return name + "." + str(score)
