import importlib

from labcheck import check, call, import_student_as, write_file

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


@check(weight=1)
def example_word_score():
    'word_score("cat"), word_score("Zoo"), placed_score("zoo", 0), placed_score("cat", 2)'
    m = build("wordgame", GAME)
    return [call(m.word_score, "cat"), call(m.word_score, "Zoo"), call(m.placed_score, "zoo", 0),
            call(m.placed_score, "cat", 2)]


@check(weight=1)
def example_best_word():
    'best_word(["cat", "dog", "zoo"])'
    m = build("wordgame", GAME)
    return call(m.best_word, ["cat", "dog", "zoo"])


@check(weight=2, visible=False)
def absolute_import_from_outside():
    "a program outside the package imports your module with an absolute import"
    build("wordgame", GAME)
    write_file("play.py", "from wordgame.engine.scoring import word_score, best_word\n"
                          "import wordgame.engine.scoring as scoring\n"
                          "RESULT = [word_score('quack'), best_word(['dog', 'quack', 'zoo']),\n"
                          "          scoring.placed_score('dot', 3), scoring.letter_score('Q')]\n")
    try:
        return importlib.import_module("play").RESULT
    except Exception as e:
        return {"$raised": type(e).__name__}


@check(weight=2, visible=False)
def more_words():
    "the game package with other words (capitals, empty word, long words get the bonus)"
    m = build("wordgame", GAME)
    return [[call(m.word_score, w) for w in WORDS], [call(m.placed_score, w, p) for w in WORDS
                                                    for p in (0, 3)],
            call(m.best_word, WORDS), call(m.best_word, []), call(m.best_word, ["a", "e", "o"])]


@check(weight=4, visible=False)
def renamed_and_moved():
    "the same game installed as games/scrabble/ with other points, bonus and board"
    m = build("games.scrabble", OTHER)
    return [[call(m.letter_score, c) for c in "abcëxsT"], [call(m.word_score, w) for w in WORDS],
            [call(m.placed_score, w, p) for w in WORDS for p in (0, 1)],
            call(m.best_word, WORDS), call(m.best_word, ["tt", "a", "xt"])]
