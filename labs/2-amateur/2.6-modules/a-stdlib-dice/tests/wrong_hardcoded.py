def dice_rolls(seed, n):
    return [6, 1, 1][:n]


def shuffled(seed, items):
    return list(reversed(items))


def pick_winner(seed, names):
    return names[-1]


def team_pairs(names):
    return [("Ann", "Bo"), ("Ann", "Cy"), ("Bo", "Cy")]


def running_totals(numbers):
    return [5, 15, 12]


def all_codes(letters, length):
    return ["aa", "ab", "ba", "bb"]
