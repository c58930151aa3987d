# The old reference: an animal that is in the dictionary with 0 is still "sold", and its number
# goes down to -1 (the README says the shop does not have it: return False, change nothing).
def add_stock(stock, animal, amount):
    stock[animal] = stock.get(animal, 0) + amount


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
    return sorted(stock)
