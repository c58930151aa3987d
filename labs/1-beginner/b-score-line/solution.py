def price_tag(item, price):
    return f"{item}: {price:.2f} coins"


def short_name(first, last):
    return f"{first[0]}. {last}"


def score_line(name, score, width):
    score_text = str(score)
    dots = max(1, width - len(name) - len(score_text))
    return name + "." * dots + score_text
