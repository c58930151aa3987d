def word_lengths(words):
    return {}


def cheap_items(prices, limit):
    return prices


def swap(d):
    return d


def sale_prices(prices, percent):
    return {name: price for name, price in prices.items()}
