def beats(move):
    if move == "rock":
        return "scissors"
    elif move == "scissors":
        return "paper"
    else:
        return "rock"


def winner(move1, move2):
    if move1 == move2:
        return "draw"
    if beats(move1) == move2:
        return "player 1"
    return "player 2"


def score(moves1, moves2):
    wins1 = 0
    wins2 = 0
    draws = 0
    for i in range(len(moves1)):
        result = winner(moves1[i], moves2[i])
        if result == "player 1":
            wins1 += 1
        elif result == "player 2":
            wins2 += 1
        else:
            draws += 1
    return (wins1, wins2, draws)


def champion(moves1, moves2):
    wins1, wins2, draws = score(moves1, moves2)
    if wins1 > wins2:
        return "player 1"
    if wins2 > wins1:
        return "player 2"
    return "nobody"
