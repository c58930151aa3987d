# add_stock replaces the amount instead of adding; animal_list is not sorted.
def add_stock(stock, animal, amount):
    stock[animal] = amount


def sell(stock, animal):
    if animal not in stock:
        return False
    stock[animal] -= 1
    if stock[animal] == 0:
        del stock[animal]
    return True


def how_many(stock, animal):
    return stock.get(animal, 0)


def total_animals(stock):
    return sum(stock.values())


def animal_list(stock):
    return list(stock)
