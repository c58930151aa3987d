import json
import os

from labcheck import check, cases, case, case_call, call, write_file, read_file, files_in_workdir


def parsed(path):
    "What json.load sees in the student's file (or why it cannot read it)."
    text = read_file(path)
    if text is None:
        return "no file"
    try:
        return json.loads(text)
    except ValueError:
        return "not JSON"


def fresh(*paths):
    for p in paths:
        if os.path.exists(p):
            os.remove(p)


# Visible checks: the examples of README.md.


@check(weight=1)
@cases(case("file", about="what the file contains"), case("load", about="what load_game gives back"))
def example_save_and_load(s, what):
    "save_game writes real JSON, and load_game reads it back"
    fresh("save.json")
    data = {"level": 3, "score": 250, "items": ["sword", "map"]}
    call(s.save_game, "save.json", data)
    if what == "file":
        case_call('save_game("save.json", {"level": 3, "score": 250, "items": ["sword", "map"]});'
                  " json.load of save.json")
        return parsed("save.json")
    case_call('save_game("save.json", {"level": 3, "score": 250, "items": ["sword", "map"]}); '
              'load_game("save.json")')
    return call(s.load_game, "save.json")


@check(weight=1)
def example_new_game(s):
    "load_game gives a new game when there is no save file"
    return call(s.load_game, "nothing.json")


@check(weight=1)
@cases(case(1, about="pick up a shield in a new game"),
       case(2, about="then go up one level"),
       case(3, about="then load the game"))
def example_pick_up_and_level_up(s, steps):
    "pick_up and level_up change the saved game"
    fresh("hero.json")
    texts = ['pick_up("hero.json", "shield")', 'level_up("hero.json")', 'load_game("hero.json")']
    case_call("; ".join(texts[:steps]))
    r = call(s.pick_up, "hero.json", "shield")
    if steps >= 2:
        r = call(s.level_up, "hero.json")
    if steps >= 3:
        r = call(s.load_game, "hero.json")
    return r


# Hidden checks: other data, files written by other programs, longer games.


@check(weight=2, visible=False)
@cases(case({"level": 1, "score": 0, "items": []}, about="a new game"),
       case({"level": 12, "score": 99999, "items": ["Zoë's amulet", "🗡️", "potion"], "name": "Zoë"},
            about="accents, emoji and an extra key"),
       case({"level": 5, "score": -10, "items": [], "alive": True, "pet": None, "speed": 1.5,
             "map": {"x": 3, "y": -2, "visited": [[0, 0], [1, 2]]}},
            about="true, null, decimals and data inside data"),
       case({"level": 2, "score": 7, "items": ["a"] * 3, "hardcore": False},
            about="the same item three times and false"),
       case({"level": 2, "score": 1, "items": ["new"]}, "old",
            about="saving over an older save"))
def save_and_load_more(s, data, before=None):
    "save_game / load_game with other data; the file is real JSON"
    fresh("s.json")
    if before is not None:
        call(s.save_game, "s.json", {"level": 9, "score": 900, "items": ["old", "stuff"], "x": 1})
    call(s.save_game, "s.json", json.loads(json.dumps(data)))
    return [parsed("s.json"), call(s.load_game, "s.json")]


def new_game_is_fresh(s):
    g = call(s.load_game, "none.json")
    try:
        g["items"].append("changed")
        g["level"] = 5
    except Exception:
        pass
    return call(s.load_game, "none.json")


@check(weight=2, visible=False)
@cases(case("other.json", about="a file written by another program, with spaces and new lines"),
       case("tiny.json", about="a file without any spaces, with an extra key"),
       case("none1.json", about="a file that does not exist"),
       case(new_game_is_fresh, about="a new game changed by the caller, then another new game"))
def load_files_written_by_others(s, what):
    "load_game on JSON files written by another program, and on missing files"
    write_file("other.json", '{\n  "items": ["bow"],\n  "score": 42,\n  "level": 4,\n'
                             '  "name": "\\u00c5sa"\n}\n')
    write_file("tiny.json", '{"level":9,"score":900,"items":["x","y"],"done":true}')
    r = what(s) if callable(what) else call(s.load_game, what)
    return [r, files_in_workdir()]


def three_items(s):
    return [call(s.pick_up, "a.json", item) for item in ["rope", "lamp", "key"]]


def three_levels(s):
    return [call(s.level_up, "a.json") for _ in range(3)]


def items_then_levels(s):
    return three_items(s) + three_levels(s)


def levels_then_items(s):
    return three_levels(s) + three_items(s)


def saved_game_with_extras(s):
    write_file("a.json", json.dumps({"level": 7, "score": 650, "items": ["old"], "name": "Li"}))
    return [call(s.level_up, "a.json"), call(s.pick_up, "a.json", "new")]


@check(weight=3, visible=False)
@cases(case(three_items, about="three pick_up in a new game"),
       case(three_levels, about="three level_up in a new game"),
       case(items_then_levels, about="pick_up three times, then level_up three times"),
       case(levels_then_items, about="level_up three times, then pick_up three times"),
       case(saved_game_with_extras, about="a saved game with an extra key"))
def progress_is_saved(s, play):
    "many pick_up and level_up calls: everything is saved in the file"
    fresh("a.json")
    return [play(s), parsed("a.json")]
