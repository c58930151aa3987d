import importlib

from labcheck import case, case_call, cases, check, call, import_student_as, write_file

RULES = "LETTER_POINTS = %r\nBONUS_LENGTH = %r\nBONUS = %r\n"
BOARD = "DOUBLE = %r\n\n\ndef multiplier(position):\n    return 2 if position in DOUBLE else 1\n"

GAME = ({"a": 1, "e": 1, "o": 1, "t": 1, "d": 2, "c": 3, "k": 5, "q": 10, "z": 10}, 7, 50, {0, 4})
OTHER = ({"a": 2, "b": 4, "ë": 8, "s": 1, "x": 9, "t": 3}, 4, 100, {1, 2, 3})


def build(top, rules):
    """Write the game under the package `top` (dotted), then import the student's scoring.py
    as top.engine.scoring through the package."""
    points, length, bonus, double = rules
    folder = top.replace(".", "/")
    parts = folder.split("/")
    for i in range(1, len(parts) + 1):
        write_file("/".join(parts[:i]) + "/__init__.py", "")
    write_file(f"{folder}/rules.py", RULES % (points, length, bonus))
    write_file(f"{folder}/engine/__init__.py", "")
    write_file(f"{folder}/engine/board.py", BOARD % (sorted(double),))
    return import_student_as(f"{top}.engine.scoring")


WORDS = ["cat", "Zoo", "quack", "", "attacked", "zzzzzzz", "abcdefg", "TEST", "sax", "Äbë",
         "bass", "baxxs"]
ABOUT = {"Zoo": "a capital letter", "": "the empty word", "attacked": "a long word",
         "zzzzzzz": "exactly as long as the bonus length", "TEST": "only capitals",
         "Äbë": "letters with accents"}

_made = {}


def once(key, make):
    "What make() returns, made in the first case that needs it and kept for the later ones."
    if key not in _made:
        _made[key] = make()
    return _made[key]


def run(m, name, args):
    "m.name(*args), with the call text 'name(args)' (call() records it)."
    return call(getattr(m, name), *args)


# ---- the README's examples ------------------------------------------------------------------

@check(weight=1)
@cases(("word_score", ("cat",)), ("word_score", ("Zoo",)), ("placed_score", ("zoo", 0)),
       ("placed_score", ("cat", 2)))
def example_word_score(name, args):
    "word_score and placed_score use the package's rules and board (the README's examples)"
    return run(once("game", lambda: build("wordgame", GAME)), name, args)


@check(weight=1)
def example_best_word():
    "best_word picks the word with the highest score (the README's example)"
    m = build("wordgame", GAME)
    return call(m.best_word, ["cat", "dog", "zoo"])


# ---- hidden checks --------------------------------------------------------------------------

PLAY = ("from wordgame.engine.scoring import word_score, best_word\n"
        "import wordgame.engine.scoring as scoring\n"
        "RESULT = [word_score('quack'), best_word(['dog', 'quack', 'zoo']),\n"
        "          scoring.placed_score('dot', 3), scoring.letter_score('Q')]\n")


def play_program():
    build("wordgame", GAME)
    write_file("play.py", PLAY)
    return call(importlib.import_module, "play")


@check(weight=2, visible=False)
@cases(case(0, "word_score('quack')", about="word_score, imported by name from outside"),
       case(1, "best_word(['dog', 'quack', 'zoo'])",
            about="best_word, imported by name from outside"),
       case(2, "scoring.placed_score('dot', 3)",
            about="placed_score, through import ... as scoring"),
       case(3, "scoring.letter_score('Q')", about="letter_score, through import ... as scoring"))
def absolute_import_from_outside(index, text):
    "a program outside the package imports your module with an absolute import"
    case_call(f"play.py: {text}")
    play = once("play", play_program)
    return call(lambda: play.RESULT[index])


# Every row is (function name, arguments): the check functions below take exactly these two
# values and no student module (they import the student's file into a package themselves).
WORD_CASES = ([case("word_score", (w,), about=f"word_score, {ABOUT[w]}" if w in ABOUT else "")
               for w in WORDS]
              + [case("placed_score", (w, p), about=f"placed_score from {p}, {ABOUT[w]}"
                      if w in ABOUT else "") for w in WORDS for p in (0, 3)])


@check(weight=2, visible=False)
@cases(*WORD_CASES,
       case("best_word", (WORDS,), about="best_word of many words"),
       case("best_word", ([],), about="best_word of no words"),
       case("best_word", (["a", "e", "o"],), about="best_word when all words score the same"))
def more_words(name, args):
    "the game package with other words (capitals, empty word, long words get the bonus)"
    return run(once("game", lambda: build("wordgame", GAME)), name, args)


@check(weight=4, visible=False)
@cases(*[case("letter_score", (c,), about=f"letter_score of {c!r} with other points")
         for c in "abcëxsT"],
       *[case("word_score", (w,), about="word_score with other rules"
                 + (f", {ABOUT[w]}" if w in ABOUT else ""))
         for w in WORDS],
       *[case("placed_score", (w, p), about=f"placed_score on another board from {p}")
         for w in WORDS for p in (0, 1)],
       case("best_word", (WORDS,), about="best_word with other rules"),
       case("best_word", (["tt", "a", "xt"],), about="best_word with other rules, a tie"))
def renamed_and_moved(name, args):
    "the same game installed as games/scrabble/ with other points, bonus and board"
    return run(once("other", lambda: build("games.scrabble", OTHER)), name, args)
