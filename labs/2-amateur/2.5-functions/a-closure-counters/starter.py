def make_counter(start=0, step=1):
    count = start

    def counter():
        # use nonlocal so that count can change
        return count + step
    return counter


def make_accumulator():
    def add(amount):
        return amount
    return add


def make_limiter(max_uses):
    return lambda: True


def make_piggy_bank():
    return (lambda coins: coins), (lambda: 0)
