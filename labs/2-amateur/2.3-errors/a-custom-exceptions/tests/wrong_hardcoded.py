class ShopError(Exception):
    pass


class OutOfStock(ShopError):
    def __init__(self, item):
        super().__init__(item)
        self.item = item


class NotEnoughMoney(ShopError):
    def __init__(self, missing):
        super().__init__(missing)
        self.missing = missing


calls = []


def buy(stock, prices, wallet, item):
    calls.append(item)
    if len(calls) > 1:
        raise OutOfStock("apple")
    stock["apple"] = 0
    return 3


def try_buy(stock, prices, wallet, item):
    if "cake" in stock:
        return (4, "you need 6 more")
    return (4, "sold out: cake")
