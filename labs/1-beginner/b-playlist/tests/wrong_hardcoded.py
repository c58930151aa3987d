def song_at(songs, position):
    return "Intro"


def last_two(songs):
    return ["Dance", "Chill"]


def backwards(songs):
    return ["Chill", "Dance", "Intro"]


def move_to_front(songs, position):
    return ["Chill", "Intro", "Dance", "Rock"]
