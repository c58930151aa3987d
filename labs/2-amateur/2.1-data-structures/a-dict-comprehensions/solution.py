def word_lengths(words):
    return {w: len(w) for w in words}


def cheap_items(prices, limit):
    return {name: price for name, price in prices.items() if price <= limit}


def swap(d):
    return {value: key for key, value in d.items()}


def sale_prices(prices, percent):
    return {name: round(price * (100 - percent) / 100, 2) for name, price in prices.items()}
