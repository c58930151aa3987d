from labcheck import check, cases, case, case_call, call, mro_names

PRICES = {"apple": 2, "pear": 3, "cake": 10, "gum": 0.5}


def _raise_again(e):
    raise e


def outcome(fn):
    """What happened: the value returned, or the exception raised with its family and its data
    (`item`, `missing`)."""
    try:
        return fn()
    except Exception as e:
        if type(e).__module__ == "builtins":
            call(_raise_again, e)           # shows the student where their code went wrong
        seen = {"raised": type(e).__name__, "family": mro_names(type(e))[1:]}
        for n in ("item", "missing"):
            if call(hasattr, e, n) is True:
                seen[n] = call(getattr, e, n)
        return seen


# Visible checks: the classes and the examples of README.md.


@check(weight=2)
@cases("ShopError", "OutOfStock", "NotEnoughMoney")
def exception_family(s, name):
    "each shop exception has the right parents"
    case_call(f"{name}.__mro__")
    return call(lambda: mro_names(getattr(s, name)))


@check(weight=1)
@cases(case(1, about="the first apple"), case(2, about="a second apple"))
def example_buy(s, times):
    "buy sells an apple, then says the apples are sold out"
    stock = {"apple": 1, "pear": 0}
    case_call('stock = {"apple": 1, "pear": 0}; '
              + '; '.join(['buy(stock, prices, 5, "apple")'] * times) + "; stock")
    for _ in range(times - 1):
        outcome(lambda: s.buy(stock, PRICES, 5, "apple"))
    return [outcome(lambda: s.buy(stock, PRICES, 5, "apple")), stock]


@check(weight=1)
@cases(case({"apple": 0, "pear": 0}, about="an item that is not in stock"),
       case({"cake": 1}, about="not enough money"))
def example_try_buy(s, stock):
    "try_buy catches the shop errors and explains them"
    case_call(f'try_buy({stock!r}, prices, 4, "cake")')
    return outcome(lambda: s.try_buy(stock, PRICES, 4, "cake"))


# Hidden checks: the exceptions on their own, more purchases.


def caught_as(exc, cls):
    try:
        raise exc
    except cls as e:
        return "caught as " + cls.__name__ + ": " + type(e).__name__
    except Exception as e:
        return "not caught as " + cls.__name__ + ": " + type(e).__name__


@check(weight=2, visible=False)
@cases(case(lambda s: s.OutOfStock("milk").item, about="the item kept by OutOfStock"),
       case(lambda s: s.OutOfStock("Zoë's cake").item, about="an item name with an accent"),
       case(lambda s: s.NotEnoughMoney(7).missing, about="the money kept by NotEnoughMoney"),
       case(lambda s: s.NotEnoughMoney(0.25).missing, about="missing money with decimals"),
       case(lambda s: caught_as(s.OutOfStock("milk"), s.ShopError),
            about="except ShopError catches OutOfStock"),
       case(lambda s: caught_as(s.NotEnoughMoney(7), s.ShopError),
            about="except ShopError catches NotEnoughMoney"),
       case(lambda s: caught_as(s.OutOfStock("milk"), Exception),
            about="except Exception catches shop errors too"),
       case(lambda s: caught_as(s.OutOfStock("milk"), s.NotEnoughMoney),
            about="except NotEnoughMoney does not catch OutOfStock"),
       case(lambda s: caught_as(s.ShopError("closed"), s.OutOfStock),
            about="except OutOfStock does not catch a plain ShopError"))
def exceptions_made_directly(s, make):
    "the exceptions keep their data and are caught by their parents"
    return call(make, s)


@check(weight=3, visible=False)
@cases(case({"apple": 2}, 2, "apple", about="exactly enough money"),
       case({"apple": 1, "pear": 4}, 5, "apple", about="the last one in stock"),
       case({"apple": 0}, 9, "apple", about="nothing left of that item"),
       case({"pear": 1}, 2.5, "pear", about="half a euro missing"),
       case({"cake": 1}, 10, "cake", about="spending all the money on a cake"),
       case({"gum": 3}, 0.4, "gum", about="a price with decimals that is too high"),
       case({"gum": 3}, 1, "gum", about="a price with decimals"),
       case({"apple": 2}, 100, "milk", about="an item the shop never had"),
       case({"cake": 0}, 1, "cake", about="sold out and too expensive at the same time"),
       case({"pear": 5}, 0, "pear", about="an empty wallet"),
       case({"apple": 2, "pear": 1}, 5, "apple", 3, about="the same item again and again"))
def buy_more(s, stock, wallet, item, times=1):
    "buy in other situations; the stock changes only when something is sold"
    stock = dict(stock)
    out = [outcome(lambda: s.buy(stock, PRICES, wallet, item)) for _ in range(times)]
    return [out if times > 1 else out[0], stock]


@check(weight=3, visible=False)
@cases(case({"apple": 1}, 1, "apple", about="one euro missing"),
       case({"apple": 1}, 2, "apple", about="exactly enough money"),
       case({"apple": 0}, 2, "apple", about="sold out"),
       case({"pear": 2}, 100, "pear", about="lots of money"),
       case({"cake": 1}, 9.5, "cake", about="half a euro missing"),
       case({"apple": 3}, 1, "gum", about="an item the shop never had"),
       case({"pear": 1, "gum": 1}, 3, "pear", about="spending all the money"),
       case({"cake": 0}, 1, "cake", about="sold out and too expensive at the same time"),
       case({"apple": 2, "pear": 1}, 5, "apple", 3, about="the same item again and again"))
def try_buy_more(s, stock, wallet, item, times=1):
    "try_buy in other situations; it never lets a shop error out"
    stock = dict(stock)
    out = [outcome(lambda: s.try_buy(stock, PRICES, wallet, item)) for _ in range(times)]
    return [out if times > 1 else out[0], stock]
