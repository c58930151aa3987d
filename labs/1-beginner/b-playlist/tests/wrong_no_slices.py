# Right answers, but no slicing at all: loops, insert and pop do the work (the README asks
# for indexing and slicing).
def song_at(songs, position):
    count = 1
    for song in songs:
        if count == position:
            return song
        count += 1


def last_two(songs):
    if len(songs) <= 2:
        return list(songs)
    return [songs[len(songs) - 2], songs[len(songs) - 1]]


def backwards(songs):
    result = []
    for song in songs:
        result.insert(0, song)
    return result


def move_to_front(songs, position):
    result = list(songs)
    song = result.pop(position - 1)
    result.insert(0, song)
    return result
