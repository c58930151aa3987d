import json

from labcheck import check, call, write_file, read_file, files_in_workdir


def parsed(path):
    "What json.load sees in the student's file (or why it cannot read it)."
    text = read_file(path)
    if text is None:
        return "no file"
    try:
        return json.loads(text)
    except ValueError:
        return "not JSON"


@check(weight=1)
def example_save_and_load(s):
    'save_game("save.json", {...}), then the file and load_game("save.json")'
    data = {"level": 3, "score": 250, "items": ["sword", "map"]}
    call(s.save_game, "save.json", data)
    return [parsed("save.json"), call(s.load_game, "save.json")]


@check(weight=1)
def example_new_game(s):
    'load_game("nothing.json") when there is no such file'
    return call(s.load_game, "nothing.json")


@check(weight=1)
def example_pick_up_and_level_up(s):
    'pick_up("hero.json", "shield"), level_up("hero.json"), then load_game("hero.json")'
    return [call(s.pick_up, "hero.json", "shield"), call(s.level_up, "hero.json"),
            call(s.load_game, "hero.json"), parsed("hero.json")]


SAVES = [
    {"level": 1, "score": 0, "items": []},
    {"level": 12, "score": 99999, "items": ["Zoë's amulet", "🗡️", "potion"], "name": "Zoë"},
    {"level": 5, "score": -10, "items": [], "alive": True, "pet": None, "speed": 1.5,
     "map": {"x": 3, "y": -2, "visited": [[0, 0], [1, 2]]}},
    {"level": 2, "score": 7, "items": ["a"] * 3, "hardcore": False},
]


@check(weight=2, visible=False)
def save_and_load_more(s):
    "save_game / load_game with other data (accents, emoji, nested data, true/false/null)"
    out = []
    for i, data in enumerate(SAVES):
        call(s.save_game, f"s{i}.json", json.loads(json.dumps(data)))
        out.append([parsed(f"s{i}.json"), call(s.load_game, f"s{i}.json")])
    call(s.save_game, "s1.json", {"level": 2, "score": 1, "items": ["new"]})
    out.append(parsed("s1.json"))
    return out


@check(weight=2, visible=False)
def load_files_written_by_others(s):
    "load_game on JSON files written by another program, and on missing files"
    write_file("other.json", '{\n  "items": ["bow"],\n  "score": 42,\n  "level": 4,\n'
                             '  "name": "\\u00c5sa"\n}\n')
    write_file("tiny.json", '{"level":9,"score":900,"items":["x","y"],"done":true}')
    return [call(s.load_game, "other.json"), call(s.load_game, "tiny.json"),
            call(s.load_game, "none1.json"), call(s.load_game, "none2.json"), files_in_workdir()]


@check(weight=3, visible=False)
def progress_is_saved(s):
    "many pick_up and level_up calls, on a new game and on a saved game with extra keys"
    out = []
    for item in ["rope", "lamp", "key"]:
        out.append(call(s.pick_up, "a.json", item))
    for _ in range(3):
        out.append(call(s.level_up, "a.json"))
    out.append(parsed("a.json"))
    out.append(call(s.pick_up, "b.json", "coin"))
    out.append(parsed("b.json"))
    write_file("c.json", json.dumps({"level": 7, "score": 650, "items": ["old"], "name": "Li"}))
    out.append(call(s.level_up, "c.json"))
    out.append(call(s.pick_up, "c.json", "new"))
    out.append(parsed("c.json"))
    out.append(call(s.load_game, "d.json"))
    return out
