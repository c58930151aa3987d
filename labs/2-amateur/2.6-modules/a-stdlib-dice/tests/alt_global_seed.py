# random.seed() on the module's own generator gives the same numbers as Random(seed);
# itertools replaced by loops.
import random


def dice_rolls(seed, n):
    random.seed(seed)
    rolls = []
    while len(rolls) < n:
        rolls.append(random.randint(1, 6))
    return rolls


def shuffled(seed, items):
    random.seed(seed)
    copy = items[:]
    random.shuffle(copy)
    return copy


def pick_winner(seed, names):
    random.seed(seed)
    return random.choice(names)


def team_pairs(names):
    pairs = []
    for i in range(len(names)):
        for j in range(i + 1, len(names)):
            pairs.append((names[i], names[j]))
    return pairs


def running_totals(numbers):
    out, total = [], 0
    for n in numbers:
        total += n
        out.append(total)
    return out


def all_codes(letters, length):
    codes = [""]
    for _ in range(length):
        codes = [c + l for c in codes for l in letters]
    return codes
