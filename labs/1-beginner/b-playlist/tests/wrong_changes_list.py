# Uses methods that change the list it was given.
def song_at(songs, position):
    return songs[position - 1]


def last_two(songs):
    return songs[-2:]


def backwards(songs):
    songs.reverse()
    return songs


def move_to_front(songs, position):
    song = songs.pop(position - 1)
    songs.insert(0, song)
    return songs
