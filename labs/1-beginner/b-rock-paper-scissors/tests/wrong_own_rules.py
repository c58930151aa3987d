# Every function works it out again instead of calling the others; champion forgets ties.
def beats(move):
    return {"rock": "scissors", "scissors": "paper", "paper": "rock"}[move]


def winner(move1, move2):
    if move1 == move2:
        return "draw"
    if (move1, move2) in [("rock", "scissors"), ("scissors", "paper"), ("paper", "rock")]:
        return "player 1"
    return "player 2"


def score(moves1, moves2):
    w1 = w2 = d = 0
    for a, b in zip(moves1, moves2):
        if a == b:
            d += 1
        elif (a, b) in [("rock", "scissors"), ("scissors", "paper"), ("paper", "rock")]:
            w1 += 1
        else:
            w2 += 1
    return (w1, w2, d)


def champion(moves1, moves2):
    w1, w2, d = score(moves1, moves2)
    return "player 1" if w1 >= w2 else "player 2"
