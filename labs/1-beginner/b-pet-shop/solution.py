def add_stock(stock, animal, amount):
    stock[animal] = stock.get(animal, 0) + amount


def sell(stock, animal):
    if stock.get(animal, 0) <= 0:
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
    return sorted(stock)
