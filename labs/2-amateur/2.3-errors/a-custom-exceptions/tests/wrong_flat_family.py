# The exceptions all inherit straight from Exception (no ShopError family),
# and buy raises a built-in ValueError when money is missing.
class ShopError(Exception):
    pass


class OutOfStock(Exception):
    def __init__(self, item):
        super().__init__(f"{item} is sold out")
        self.item = item


class NotEnoughMoney(Exception):
    def __init__(self, missing):
        super().__init__(f"you need {missing} more")
        self.missing = missing


def buy(stock, prices, wallet, item):
    if stock.get(item, 0) == 0:
        raise OutOfStock(item)
    price = prices[item]
    if price > wallet:
        raise ValueError("not enough money")
    stock[item] -= 1
    return wallet - price


def try_buy(stock, prices, wallet, item):
    try:
        left = buy(stock, prices, wallet, item)
    except OutOfStock as e:
        return (wallet, f"sold out: {e.item}")
    except ValueError:
        return (wallet, "you need more")
    return (left, f"bought {item}")
