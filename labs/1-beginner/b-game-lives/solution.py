lives = 3
MAX_LIVES = 5


def lose_life():
    global lives
    if lives > 0:
        lives = lives - 1
    return lives


def extra_life():
    global lives
    if lives < MAX_LIVES:
        lives = lives + 1
    return lives


def lives_after(hits):
    left = lives - hits
    if left < 0:
        left = 0
    return left


def new_game():
    global lives
    lives = 3
