def song_at(songs, position):
    return songs[position]


def last_two(songs):
    return songs


def backwards(songs):
    return songs


def move_to_front(songs, position):
    return songs
