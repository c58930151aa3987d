# Forgets draws: equal moves count as wins for player 2.
def beats(move):
    return {"rock": "scissors", "scissors": "paper", "paper": "rock"}[move]


def winner(move1, move2):
    if beats(move1) == move2:
        return "player 1"
    return "player 2"


def score(moves1, moves2):
    w1 = w2 = d = 0
    for i in range(len(moves1)):
        r = winner(moves1[i], moves2[i])
        if r == "player 1":
            w1 += 1
        elif r == "player 2":
            w2 += 1
        else:
            d += 1
    return (w1, w2, d)


def champion(moves1, moves2):
    w1, w2, d = score(moves1, moves2)
    if w1 > w2:
        return "player 1"
    if w2 > w1:
        return "player 2"
    return "nobody"
