# Everything with dictionaries and one-line conditions: right answers, but no if/elif/else.
BEATS = {"rock": "scissors", "scissors": "paper", "paper": "rock"}


def beats(move):
    return BEATS[move]


def winner(move1, move2):
    return "draw" if move1 == move2 else ("player 1" if beats(move1) == move2 else "player 2")


def score(moves1, moves2):
    results = [winner(a, b) for a, b in zip(moves1, moves2)]
    return (results.count("player 1"), results.count("player 2"), results.count("draw"))


def champion(moves1, moves2):
    wins1, wins2, draws = score(moves1, moves2)
    return {True: "player 1", False: "player 2"}[wins1 > wins2] if wins1 != wins2 else "nobody"
