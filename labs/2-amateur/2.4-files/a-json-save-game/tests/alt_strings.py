import json
from pathlib import Path


def save_game(path, data):
    Path(path).write_text(json.dumps(data), encoding="utf-8")


def load_game(path):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"level": 1, "score": 0, "items": []}


def pick_up(path, item):
    game = load_game(path)
    game["items"] = game["items"] + [item]
    save_game(path, game)
    return game["items"]


def level_up(path):
    game = load_game(path)
    game.update(level=game["level"] + 1, score=game["score"] + 100)
    save_game(path, game)
    return game["level"]
