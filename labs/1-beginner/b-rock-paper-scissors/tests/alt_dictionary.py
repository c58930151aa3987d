BEATS = {"rock": "scissors", "scissors": "paper", "paper": "rock"}


def beats(move):
    return BEATS[move]


def winner(move1, move2):
    if beats(move1) == move2:
        return "player 1"
    elif beats(move2) == move1:
        return "player 2"
    else:
        return "draw"


def score(moves1, moves2):
    results = []
    for a, b in zip(moves1, moves2):
        results.append(winner(a, b))
    return results.count("player 1"), results.count("player 2"), results.count("draw")


def champion(moves1, moves2):
    result = score(moves1, moves2)
    if result[0] == result[1]:
        return "nobody"
    return "player 1" if result[0] > result[1] else "player 2"
