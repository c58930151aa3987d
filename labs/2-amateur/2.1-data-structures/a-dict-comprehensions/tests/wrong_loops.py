# Correct results with for loops instead of dictionary comprehensions.
def word_lengths(words):
    d = {}
    for w in words:
        d[w] = len(w)
    return d


def cheap_items(prices, limit):
    d = {}
    for k, v in prices.items():
        if v <= limit:
            d[k] = v
    return d


def swap(d):
    out = {}
    for k, v in d.items():
        out[v] = k
    return out


def sale_prices(prices, percent):
    out = {}
    for k, v in prices.items():
        out[k] = round(v * (100 - percent) / 100, 2)
    return out
