lives = 3
MAX_LIVES = 5
START = 3


def lose_life():
    global lives
    lives = max(0, lives - 1)
    return lives


def extra_life():
    global lives
    lives = min(MAX_LIVES, lives + 1)
    return lives


def lives_after(hits):
    return max(0, lives - hits)


def new_game():
    global lives
    lives = START
    return None
