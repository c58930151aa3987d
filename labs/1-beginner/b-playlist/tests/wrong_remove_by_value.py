# Removes the song by name, which goes wrong when a song is on the list twice; counts from 0.
def song_at(songs, position):
    return songs[position - 1]


def last_two(songs):
    return songs[len(songs) - 2:]


def backwards(songs):
    return songs[::-1]


def move_to_front(songs, position):
    song = songs[position - 1]
    rest = list(songs)
    rest.remove(song)
    return [song] + rest
