import ast

from labcheck import call, case, case_call, cases, check, source_text

MOVES = ["rock", "paper", "scissors"]
LONG1 = [MOVES[i % 3] for i in range(30)]
LONG2 = [MOVES[(i * 7 + 1) % 3] for i in range(30)]

# To see whether a function really calls the one before it, that one is replaced by a
# different rule for one case (and put back afterwards).
FAKES = {
    "beats": lambda move: {"rock": "paper", "paper": "scissors", "scissors": "rock"}[move],
    "winner": lambda move1, move2: "player 2",
    "score": lambda moves1, moves2: (0, len(moves1), 0),
}


def _if_with_elif_or_else():
    try:
        tree = ast.parse(source_text())
    except (SyntaxError, ValueError):
        return False
    return any(isinstance(n, ast.If) and n.orelse for n in ast.walk(tree))


@check(weight=2)
@cases(("beats", "rock"), ("winner", "paper", "rock"), ("winner", "paper", "scissors"))
def example_beats_and_winner(s, function, *moves):
    "beats and winner give the answers of the README"
    return call(getattr(s, function), *moves)


@check(weight=1)
def example_score(s):
    "score counts the wins of player 1, the wins of player 2 and the draws, in a tuple"
    return call(s.score, ["rock", "rock", "paper"], ["scissors", "paper", "paper"])


@check(weight=1)
def example_champion(s):
    "champion names the player who won more rounds"
    return call(s.champion, ["rock", "rock"], ["scissors", "rock"])


@check(weight=2, visible=False)
@cases(*[case("beats", m, about=f"what {m} beats") for m in MOVES],
       *[case("winner", a, b, about=f"{a} against {b}") for a in MOVES for b in MOVES])
def beats_and_winner_all(s, function, *moves):
    "beats knows what every move beats, and winner decides all nine pairs of moves (draws too)"
    return call(getattr(s, function), *moves)


@check(weight=2, visible=False)
@cases(case([], [], about="a tournament with no rounds"),
       case(["rock"] * 3, ["rock"] * 3, about="only draws"),
       case(["paper"] * 4, ["rock"] * 4, about="player 1 wins every round"),
       case(["rock", "scissors"], ["paper", "rock"], about="player 2 wins every round"),
       case(LONG1, LONG2, about="a long tournament"),
       case(LONG2, LONG1, about="the same long tournament with the players swapped"))
def score_more(s, moves1, moves2):
    "score counts the wins and draws of other tournaments (also with no rounds), in a tuple"
    return call(s.score, list(moves1), list(moves2))


@check(weight=2, visible=False)
@cases(case([], [], about="a tournament with no rounds"),
       case(["rock", "paper"], ["scissors", "scissors"], about="each player wins one round"),
       case(["rock", "rock", "rock"], ["paper", "rock", "rock"],
            about="one round is won, the other rounds are draws"),
       case(["paper", "paper", "paper"], ["paper", "paper", "scissors"],
            about="draws do not count as wins"),
       case(["rock", "paper", "rock"], ["rock", "paper", "rock"], about="only draws"))
def champion_more(s, moves1, moves2):
    "champion names the player with more won rounds, or nobody when it is a tie"
    return call(s.champion, list(moves1), list(moves2))


@check(weight=3, visible=False)
@cases(case("if", about="your code decides with an if that has an elif or an else"),
       case("winner", "beats", "rock", "paper", about="winner asks beats which move wins"),
       case("winner", "beats", "scissors", "rock", about="winner asks beats (another pair)"),
       case("score", "winner", ["rock", "rock"], ["rock", "paper"],
            about="score asks winner who won each round"),
       case("champion", "score", ["rock"], ["scissors"],
            about="champion asks score how many rounds each player won"))
def functions_use_each_other(s, function, replaced="", *args):
    "Your functions are built as the README asks: if/elif/else, and each one uses the one before"
    if function == "if":
        case_call("an if statement with an elif or an else in your file")
        return _if_with_elif_or_else()
    original = getattr(s, replaced)
    setattr(s, replaced, FAKES[replaced])
    try:
        return call(getattr(s, function), *args)
    finally:
        setattr(s, replaced, original)
