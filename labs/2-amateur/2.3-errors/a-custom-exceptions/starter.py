class ShopError(Exception):
    pass


class OutOfStock(Exception):
    pass


class NotEnoughMoney(Exception):
    pass


def buy(stock, prices, wallet, item):
    stock[item] -= 1
    return wallet - prices[item]


def try_buy(stock, prices, wallet, item):
    return (buy(stock, prices, wallet, item), "bought " + item)
