def make_counter(start=0, step=1):
    count = start

    def counter():
        nonlocal count
        count += step
        return count
    return counter


def make_accumulator():
    total = 0

    def add(amount):
        nonlocal total
        total += amount
        return total
    return add


def make_limiter(max_uses):
    used = 0

    def allowed():
        nonlocal used
        used += 1
        return used <= max_uses
    return allowed


def make_piggy_bank():
    money = 0

    def deposit(coins):
        nonlocal money
        money += coins
        return money

    def shake():
        return money
    return deposit, shake
