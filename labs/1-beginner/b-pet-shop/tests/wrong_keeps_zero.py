# Keeps animals with 0 in the stock, and then even sells them below 0.
def add_stock(stock, animal, amount):
    stock[animal] = stock.get(animal, 0) + amount


def sell(stock, animal):
    if animal in stock:
        stock[animal] -= 1
        return True
    return False


def how_many(stock, animal):
    return stock.get(animal, 0)


def total_animals(stock):
    return sum(stock.values())


def animal_list(stock):
    return sorted(stock)
