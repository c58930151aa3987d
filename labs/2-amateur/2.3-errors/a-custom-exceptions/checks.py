from labcheck import check, call, mro_names

PRICES = {"apple": 2, "pear": 3, "cake": 10, "gum": 0.5}


def outcome(fn):
    """What happened: the value returned, or the exception raised with its family and data."""
    try:
        return ["returned", fn()]
    except Exception as e:
        info = {n: call(getattr, e, n) for n in ("item", "missing") if call(hasattr, e, n) is True}
        return ["raised", mro_names(type(e)), info]


@check(weight=2)
def exception_family(s):
    "the MRO of ShopError, OutOfStock and NotEnoughMoney"
    return [call(lambda: mro_names(getattr(s, n))) for n in ("ShopError", "OutOfStock", "NotEnoughMoney")]


@check(weight=1)
def example_buy(s):
    'buy(stock, prices, 5, "apple") twice, then stock'
    stock = {"apple": 1, "pear": 0}
    return [outcome(lambda: s.buy(stock, PRICES, 5, "apple")),
            outcome(lambda: s.buy(stock, PRICES, 5, "apple")), stock]


@check(weight=1)
def example_try_buy(s):
    'try_buy(stock, prices, 4, "cake") and try_buy({"cake": 1}, prices, 4, "cake")'
    return [outcome(lambda: s.try_buy({"apple": 0, "pear": 0}, PRICES, 4, "cake")),
            outcome(lambda: s.try_buy({"cake": 1}, PRICES, 4, "cake"))]


@check(weight=2, visible=False)
def exceptions_made_directly(s):
    "OutOfStock('milk') and NotEnoughMoney(7) keep their data; caught as ShopError and Exception"
    def caught_as(exc, cls):
        try:
            raise exc
        except cls as e:
            return type(e).__name__
        except Exception as e:
            return "not caught by " + cls.__name__ + ": " + type(e).__name__

    a = call(s.OutOfStock, "milk")
    b = call(s.NotEnoughMoney, 7)
    return [call(lambda: a.item), call(lambda: b.missing),
            call(lambda: [caught_as(a, s.ShopError), caught_as(b, s.ShopError), caught_as(a, Exception)]),
            call(lambda: [isinstance(a, s.NotEnoughMoney), issubclass(s.ShopError, Exception)])]


@check(weight=3, visible=False)
def buy_more(s):
    "buy: exact money, missing items, stock going down to 0, float prices, nothing changes on errors"
    stock = {"apple": 2, "pear": 1, "cake": 1, "gum": 3}
    steps = [("apple", 2), ("apple", 2), ("apple", 9), ("pear", 2.5), ("cake", 10),
             ("cake", 10), ("gum", 0.4), ("gum", 1), ("milk", 100), ("pear", 3)]
    out = [outcome(lambda: s.buy(stock, PRICES, w, item)) for item, w in steps]
    return [out, stock]


@check(weight=3, visible=False)
def try_buy_more(s):
    "try_buy in many situations; it never lets a shop error out"
    stock = {"apple": 1, "pear": 2, "cake": 1}
    steps = [("apple", 1), ("apple", 2), ("apple", 2), ("pear", 100), ("cake", 9.5), ("gum", 1),
             ("pear", 3)]
    out = [outcome(lambda: s.try_buy(stock, PRICES, w, item)) for item, w in steps]
    return [out, stock]
