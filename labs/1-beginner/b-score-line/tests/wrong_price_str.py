def price_tag(item, price):
    return item + ": " + str(round(price, 2)) + " coins"


def short_name(first, last):
    return first[0] + ". " + last


def score_line(name, score, width):
    dots = max(1, width - len(name) - len(str(score)))
    return name + "." * dots + str(score)
