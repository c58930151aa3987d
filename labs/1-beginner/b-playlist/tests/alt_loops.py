# Another correct style: loops and copies, with a slice and an index here and there.
def song_at(songs, position):
    first_ones = songs[:position]
    return first_ones[-1]


def last_two(songs):
    if len(songs) < 2:
        return songs[:]
    return [songs[len(songs) - 2], songs[len(songs) - 1]]


def backwards(songs):
    result = []
    for song in songs:
        result = [song] + result
    return result


def move_to_front(songs, position):
    rest = list(songs)
    song = rest.pop(position - 1)
    return [song] + rest
