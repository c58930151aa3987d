def price_tag(item, price):
    return f"{item}: {price:.2f} coins"


def short_name(first, last):
    return f"{first[0]}. {last}"


def score_line(name, score, width):
    dots = width - len(name) - len(str(score))
    return name + "." * dots + str(score)
