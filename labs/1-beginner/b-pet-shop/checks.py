from labcheck import check, call


@check(weight=1)
def example_add_stock(s):
    'add_stock(stock, "hamster", 2), add_stock(stock, "parrot", 1) with stock = {"hamster": 3}'
    stock = {"hamster": 3}
    r1 = call(s.add_stock, stock, "hamster", 2)
    r2 = call(s.add_stock, stock, "parrot", 1)
    return [r1, r2, stock]


@check(weight=1)
def example_sell(s):
    'sell "rabbit" then "dragon" from {"rabbit": 1, "cat": 2}'
    stock = {"rabbit": 1, "cat": 2}
    first = call(s.sell, stock, "rabbit")
    after = dict(stock)
    second = call(s.sell, stock, "dragon")
    return [first, after, second, stock]


@check(weight=1)
def example_counting(s):
    'how_many, total_animals and animal_list with the README examples'
    return [call(s.how_many, {"cat": 2}, "cat"), call(s.how_many, {"cat": 2}, "dog"),
            call(s.total_animals, {"cat": 2, "rabbit": 4}),
            call(s.animal_list, {"rabbit": 4, "cat": 2})]


@check(weight=2, visible=False)
def add_stock_more(s):
    "add_stock to an empty shop, the same animal many times, adding 0"
    stock = {}
    steps = [("goldfish", 10), ("goldfish", 5), ("axolotl", 1), ("cat", 0), ("goldfish", 1)]
    seen = []
    for animal, n in steps:
        call(s.add_stock, stock, animal, n)
        seen.append(dict(stock))
    return seen


@check(weight=3, visible=False)
def sell_more(s):
    "sell until an animal is gone, sell something the shop never had, sell from an empty shop"
    stock = {"dog": 2, "snake": 1}
    seen = []
    for animal in ["dog", "dog", "dog", "snake", "Dog", "cat", "snake"]:
        seen.append([call(s.sell, stock, animal), dict(stock)])
    seen.append(call(s.sell, {}, "dog"))
    return seen


@check(weight=2, visible=False)
def counting_more(s):
    "how_many, total_animals and animal_list with empty and bigger shops"
    big = {"zebra finch": 12, "ant": 500, "Mouse": 3, "budgie": 7}
    return [call(s.how_many, {}, "cat"), call(s.how_many, big, "ant"), call(s.how_many, big, "mouse"),
            call(s.total_animals, {}), call(s.total_animals, big),
            call(s.animal_list, {}), call(s.animal_list, big), big]
