# Writes 5 instead of using MAX_LIVES, and new_game forgets `global`.
lives = 3
MAX_LIVES = 5


def lose_life():
    global lives
    lives = max(0, lives - 1)
    return lives


def extra_life():
    global lives
    if lives < 5:
        lives += 1
    return lives


def lives_after(hits):
    return max(0, lives - hits)


def new_game():
    lives = 3
