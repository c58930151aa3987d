def song_at(songs, position):
    return songs[position - 1]


def last_two(songs):
    return songs[-2:]


def backwards(songs):
    return songs[::-1]


def move_to_front(songs, position):
    i = position - 1
    return [songs[i]] + songs[:i] + songs[i + 1:]
