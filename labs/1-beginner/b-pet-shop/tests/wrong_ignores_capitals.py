# Treats "Dog" and "dog" as the same animal, and sorts the names without looking at capitals
# (the README says keys are exact and the list is in the order sorted() gives).
def add_stock(stock, animal, amount):
    for key in stock:
        if key.lower() == animal.lower():
            animal = key
    stock[animal] = stock.get(animal, 0) + amount


def sell(stock, animal):
    for key in stock:
        if key.lower() == animal.lower() and stock[key] > 0:
            stock[key] -= 1
            if stock[key] == 0:
                del stock[key]
            return True
    return False


def how_many(stock, animal):
    for key in stock:
        if key.lower() == animal.lower():
            return stock[key]
    return 0


def total_animals(stock):
    return sum(stock.values())


def animal_list(stock):
    return sorted(stock, key=str.lower)
