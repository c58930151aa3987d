import json
import os


def new_game():
    return {"level": 1, "score": 0, "items": []}


def save_game(path, data):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2)


def load_game(path):
    if not os.path.exists(path):
        return new_game()
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def pick_up(path, item):
    game = load_game(path)
    game["items"].append(item)
    save_game(path, game)
    return game["items"]


def level_up(path):
    game = load_game(path)
    game["level"] += 1
    game["score"] += 100
    save_game(path, game)
    return game["level"]
