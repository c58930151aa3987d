lives = 3
MAX_LIVES = 5


def lose_life():
    new_lives = lives - 1
    return new_lives


def extra_life():
    return lives + 1


def lives_after(hits):
    return 0


def new_game():
    pass
