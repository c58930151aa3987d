class ShopError(Exception):
    """Something went wrong in the shop."""


class OutOfStock(ShopError):
    def __init__(self, item):
        self.item = item
        super().__init__("no more " + str(item))


class NotEnoughMoney(ShopError):
    def __init__(self, missing):
        self.missing = missing
        super().__init__("missing " + str(missing))


def buy(stock, prices, wallet, item):
    if item not in stock or stock[item] <= 0:
        raise OutOfStock(item)
    if wallet < prices[item]:
        raise NotEnoughMoney(prices[item] - wallet)
    stock[item] = stock[item] - 1
    return wallet - prices[item]


def try_buy(stock, prices, wallet, item):
    try:
        return (buy(stock, prices, wallet, item), "bought " + item)
    except ShopError as e:
        if isinstance(e, OutOfStock):
            return (wallet, "sold out: " + e.item)
        return (wallet, "you need " + str(e.missing) + " more")
