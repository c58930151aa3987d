# Shuffles the caller's list itself, uses permutations (both orders), forgets repeats in codes.
import itertools
import random


def dice_rolls(seed, n):
    rng = random.Random(seed)
    return [rng.randint(1, 6) for _ in range(n)]


def shuffled(seed, items):
    random.Random(seed).shuffle(items)
    return items


def pick_winner(seed, names):
    return random.Random(seed).choice(names)


def team_pairs(names):
    return list(itertools.permutations(names, 2))


def running_totals(numbers):
    return list(itertools.accumulate(numbers))


def all_codes(letters, length):
    return ["".join(c) for c in itertools.permutations(letters, length)]
