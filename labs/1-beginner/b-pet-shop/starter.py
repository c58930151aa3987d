def add_stock(stock, animal, amount):
    stock[animal] = amount


def sell(stock, animal):
    stock[animal] = stock[animal] - 1
    return True


def how_many(stock, animal):
    return stock[animal]


def total_animals(stock):
    return len(stock)


def animal_list(stock):
    return []
