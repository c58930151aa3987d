def word_lengths(words):
    return {word: len(word) for word in words}


def cheap_items(prices, limit):
    return {k: prices[k] for k in prices if not prices[k] > limit}


def swap(d):
    return {v: k for k, v in zip(d.keys(), d.values())}


def sale_prices(prices, percent):
    factor = 1 - percent / 100
    return {k: round(v * factor, 2) for k, v in prices.items()}
