def price_tag(item, price):
    return item + ": " + "%.2f" % price + " coins"


def short_name(first, last):
    return first[:1] + ". " + last


def score_line(name, score, width):
    line = name + "."
    while len(line) + len(str(score)) < width:
        line = line + "."
    return line + str(score)
