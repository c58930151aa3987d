# Keeps the state in a list or dict instead of using nonlocal.
def make_counter(start=0, step=1):
    state = [start]

    def counter():
        state[0] = state[0] + step
        return state[0]
    return counter


def make_accumulator():
    box = {"total": 0}

    def add(amount):
        box["total"] += amount
        return box["total"]
    return add


def make_limiter(max_uses):
    left = [max_uses]

    def allowed():
        if left[0] > 0:
            left[0] -= 1
            return True
        return False
    return allowed


def make_piggy_bank():
    coins_in = []

    def deposit(coins):
        coins_in.append(coins)
        return sum(coins_in)

    def shake():
        return sum(coins_in)
    return (deposit, shake)
