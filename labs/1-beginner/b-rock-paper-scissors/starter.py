def beats(move):
    if move == "rock":
        return "scissors"
    # What do paper and scissors beat?


def winner(move1, move2):
    if beats(move1) == move2:
        return "player 1"
    return "player 2"


def score(moves1, moves2):
    return (0, 0, 0)


def champion(moves1, moves2):
    return "nobody"
