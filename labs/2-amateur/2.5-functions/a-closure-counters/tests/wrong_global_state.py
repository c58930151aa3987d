# One global count for all counters and accumulators: they disturb each other.
count = 0
total = 0


def make_counter(start=0, step=1):
    global count
    count = start

    def counter():
        global count
        count += step
        return count
    return counter


def make_accumulator():
    def add(amount):
        global total
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
    money = [0]

    def deposit(coins):
        money[0] += coins
        return money[0]

    def shake():
        return money[0]
    return deposit, shake
