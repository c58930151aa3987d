from labcheck import check, call, type_name

MOVES = ["rock", "paper", "scissors"]


@check(weight=1)
def example_beats(s):
    'beats("rock")'
    return call(s.beats, "rock")


@check(weight=1)
def example_winner(s):
    'winner("paper", "rock") and winner("paper", "scissors")'
    return [call(s.winner, "paper", "rock"), call(s.winner, "paper", "scissors")]


@check(weight=1)
def example_score(s):
    'score(["rock", "rock", "paper"], ["scissors", "paper", "paper"]) gives a tuple'
    r = call(s.score, ["rock", "rock", "paper"], ["scissors", "paper", "paper"])
    return [r, type_name(r)]


@check(weight=1)
def example_champion(s):
    'champion(["rock", "rock"], ["scissors", "rock"])'
    return call(s.champion, ["rock", "rock"], ["scissors", "rock"])


@check(weight=2, visible=False)
def beats_and_winner_all(s):
    "beats for every move, winner for all nine pairs of moves"
    return [[call(s.beats, m) for m in MOVES], [[call(s.winner, a, b) for b in MOVES] for a in MOVES]]


@check(weight=2, visible=False)
def score_more(s):
    "score with no rounds, only draws, one player always winning, a long tournament"
    long1 = [MOVES[i % 3] for i in range(30)]
    long2 = [MOVES[(i * 7 + 1) % 3] for i in range(30)]
    cases = [([], []), (["rock"] * 3, ["rock"] * 3), (["paper"] * 4, ["rock"] * 4),
             (["rock", "scissors"], ["paper", "rock"]), (long1, long2), (long2, long1)]
    return [call(s.score, a, b) for a, b in cases]


@check(weight=2, visible=False)
def champion_more(s):
    "champion with no rounds, a tie in wins, player 2 winning, draws that do not count"
    cases = [([], []), (["rock", "paper"], ["scissors", "scissors"]),
             (["rock", "rock", "rock"], ["paper", "rock", "rock"]),
             (["paper", "paper", "paper"], ["paper", "paper", "scissors"]),
             (["rock", "paper", "rock"], ["rock", "paper", "rock"])]
    return [call(s.champion, a, b) for a, b in cases]


@check(weight=2, visible=False)
def functions_use_each_other(s):
    "winner uses beats, score uses winner, champion uses score (we replace them to see)"
    s.beats = lambda move: {"rock": "paper", "paper": "scissors", "scissors": "rock"}[move]
    w = [call(s.winner, "rock", "paper"), call(s.winner, "scissors", "rock")]
    s.winner = lambda move1, move2: "player 2"
    sc = call(s.score, ["rock", "rock"], ["rock", "paper"])
    s.score = lambda moves1, moves2: (0, len(moves1), 0)
    ch = call(s.champion, ["rock"], ["scissors"])
    return [w, sc, ch]
