# Loops build the dictionaries, then a comprehension copies them.
def word_lengths(words):
    d = {}
    for w in words:
        d[w] = len(w)
    return {k: v for k, v in d.items()}


def cheap_items(prices, limit):
    d = {}
    for k, v in prices.items():
        if v <= limit:
            d[k] = v
    return {k: v for k, v in d.items()}


def swap(d):
    return {v: k for k, v in d.items()}


def sale_prices(prices, percent):
    new = dict(prices)
    for k in new:
        new[k] = round(new[k] * (100 - percent) / 100, 2)
    return {k: v for k, v in new.items()}
