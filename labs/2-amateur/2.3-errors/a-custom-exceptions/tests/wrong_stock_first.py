# Takes the item off the stock before checking the money (the stock changes on an error).
class ShopError(Exception):
    pass


class OutOfStock(ShopError):
    def __init__(self, item):
        super().__init__(f"{item} is sold out")
        self.item = item


class NotEnoughMoney(ShopError):
    def __init__(self, missing):
        super().__init__(f"you need {missing} more")
        self.missing = missing


def buy(stock, prices, wallet, item):
    if stock.get(item, 0) == 0:
        raise OutOfStock(item)
    stock[item] -= 1
    if prices[item] > wallet:
        raise NotEnoughMoney(prices[item] - wallet)
    return wallet - prices[item]


def try_buy(stock, prices, wallet, item):
    try:
        left = buy(stock, prices, wallet, item)
    except OutOfStock as e:
        return (wallet, f"sold out: {e.item}")
    except NotEnoughMoney as e:
        return (wallet, f"you need {e.missing} more")
    return (left, f"bought {item}")
