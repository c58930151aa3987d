def add_stock(stock, animal, amount):
    if animal in stock:
        stock[animal] = stock[animal] + amount
    else:
        stock[animal] = amount
    return None


def sell(stock, animal):
    if animal in stock and stock[animal] > 0:
        if stock[animal] == 1:
            stock.pop(animal)
        else:
            stock[animal] = stock[animal] - 1
        return True
    return False


def how_many(stock, animal):
    if animal in stock:
        return stock[animal]
    return 0


def total_animals(stock):
    total = 0
    for animal in stock:
        total += stock[animal]
    return total


def animal_list(stock):
    names = list(stock.keys())
    names.sort()
    return names
