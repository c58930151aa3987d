# lives_after really takes the lives away.
lives = 3
MAX_LIVES = 5


def lose_life():
    global lives
    lives = max(0, lives - 1)
    return lives


def extra_life():
    global lives
    lives = min(MAX_LIVES, lives + 1)
    return lives


def lives_after(hits):
    global lives
    lives = max(0, lives - hits)
    return lives


def new_game():
    global lives
    lives = 3
