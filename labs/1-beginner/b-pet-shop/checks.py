from labcheck import check, cases, case, call, case_call

# Every case starts from its own fresh dictionary, so one wrong answer does not change the
# cases after it.  For add_stock and sell the observation is what the function returned and the
# dictionary after the call (the call text shows the dictionary before it).


def shop(s, name, stock, *args):
    stock = dict(stock)
    returned = call(getattr(s, name), stock, *args)
    if name in ("add_stock", "sell"):
        return {"returned": returned, "stock after": stock}
    return returned


@check(weight=1)
@cases(("add_stock", {"hamster": 3}, "hamster", 2), ("add_stock", {"hamster": 5}, "parrot", 1))
def example_add_stock(s, name, stock, *args):
    "add_stock adds animals to the stock and returns nothing"
    return shop(s, name, stock, *args)


@check(weight=1)
@cases(("sell", {"rabbit": 1, "cat": 2}, "rabbit"), ("sell", {"cat": 2}, "dragon"))
def example_sell(s, name, stock, *args):
    "sell takes one animal away, or says that the shop does not have it"
    return shop(s, name, stock, *args)


@check(weight=1)
@cases(("how_many", {"cat": 2}, "cat"), ("how_many", {"cat": 2}, "dog"),
       ("total_animals", {"cat": 2, "rabbit": 4}), ("animal_list", {"rabbit": 4, "cat": 2}))
def example_counting(s, name, stock, *args):
    "how_many, total_animals and animal_list with the examples"
    return shop(s, name, stock, *args)


@check(weight=2, visible=False)
@cases(case("add_stock", {}, "goldfish", 10, about="adding to an empty shop"),
       case("add_stock", {"goldfish": 10}, "goldfish", 5, about="adding more of the same animal"),
       ("add_stock", {"goldfish": 15}, "axolotl", 1),
       case("add_stock", {"goldfish": 15, "axolotl": 1}, "cat", 0,
            about="adding 0 of a new animal"),
       case("add_stock", {"goldfish": 15, "cat": 0}, "goldfish", 1,
            about="adding one more to a big number"),
       case("add_stock", {"goldfish": 3}, "Goldfish", 2,
            about="a name with a capital letter is another animal"))
def add_stock_more(s, name, stock, *args):
    "add_stock to an empty shop, the same animal again, a new animal, 0 animals"
    return shop(s, name, stock, *args)


@check(weight=3, visible=False)
@cases(case("sell", {"dog": 2, "snake": 1}, "dog", about="selling one of two"),
       case("sell", {"dog": 1, "snake": 1}, "dog", about="selling the last one of an animal"),
       case("sell", {"snake": 1}, "dog", about="an animal that is sold out"),
       case("sell", {"snake": 1}, "snake", about="the very last animal of the shop"),
       case("sell", {"dog": 2}, "Dog", about="a name with a capital letter is another animal"),
       case("sell", {"dog": 2}, "cat", about="an animal the shop never had"),
       case("sell", {}, "dog", about="an empty shop"),
       case("sell", {"cat": 0, "dog": 1}, "cat", about="an animal whose number is 0"))
def sell_more(s, name, stock, *args):
    "sell until an animal is gone, animals the shop does not have, an empty shop"
    return shop(s, name, stock, *args)


BIG = {"zebra finch": 12, "ant": 500, "Mouse": 3, "budgie": 7}


@check(weight=2, visible=False)
@cases(case("how_many", {}, "cat", about="how_many in an empty shop"),
       case("how_many", BIG, "ant", about="how_many in a bigger shop"),
       case("how_many", BIG, "mouse", about="how_many when the name has other capitals"),
       case("total_animals", {}, about="total_animals of an empty shop"),
       case("total_animals", BIG, about="total_animals of a bigger shop"),
       case("animal_list", {}, about="animal_list of an empty shop"),
       case("animal_list", BIG, about="animal_list with names that have capitals and spaces"),
       case("all", BIG, about="how_many, total_animals and animal_list leave the shop as it was"))
def counting_more(s, name, stock, *args):
    "how_many, total_animals and animal_list with empty and bigger shops"
    if name != "all":
        return shop(s, name, stock, *args)
    stock = dict(stock)
    case_call(f"how_many, total_animals and animal_list on {stock!r}")
    call(s.how_many, stock, "ant")
    call(s.total_animals, stock)
    call(s.animal_list, stock)
    return stock
