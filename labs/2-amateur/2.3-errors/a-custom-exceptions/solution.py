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
    price = prices[item]
    if price > wallet:
        raise NotEnoughMoney(price - wallet)
    stock[item] -= 1
    return wallet - price


def try_buy(stock, prices, wallet, item):
    try:
        left = buy(stock, prices, wallet, item)
    except OutOfStock as e:
        return (wallet, f"sold out: {e.item}")
    except NotEnoughMoney as e:
        return (wallet, f"you need {e.missing} more")
    return (left, f"bought {item}")
