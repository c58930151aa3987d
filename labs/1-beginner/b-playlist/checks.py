from labcheck import check, call

SONGS = ["Intro", "Dance", "Chill"]


@check(weight=1)
def example_song_at(s):
    'song_at(["Intro", "Dance", "Chill"], 1)'
    return call(s.song_at, list(SONGS), 1)


@check(weight=1)
def example_last_two(s):
    'last_two(["Intro", "Dance", "Chill"])'
    return call(s.last_two, list(SONGS))


@check(weight=1)
def example_backwards(s):
    'backwards(["Intro", "Dance", "Chill"])'
    return call(s.backwards, list(SONGS))


@check(weight=1)
def example_move_to_front(s):
    'move_to_front(["Intro", "Dance", "Chill", "Rock"], 3)'
    return call(s.move_to_front, ["Intro", "Dance", "Chill", "Rock"], 3)


LONG = ["a", "b", "c", "d", "e", "f", "g"]


@check(weight=2, visible=False)
def song_at_more(s):
    "song_at for the first, the last and a middle position of other playlists"
    return [call(s.song_at, list(LONG), p) for p in (1, 2, 4, 7)] + [call(s.song_at, ["Só"], 1)]


@check(weight=2, visible=False)
def last_two_and_backwards_more(s):
    "last_two and backwards with empty, one-song and long playlists"
    lists = [[], ["one"], ["x", "y"], list(LONG), ["Zoë", "Zoë", "Ana"]]
    return [[call(s.last_two, list(x)) for x in lists], [call(s.backwards, list(x)) for x in lists]]


@check(weight=2, visible=False)
def move_to_front_more(s):
    "move_to_front of the first song, the last song, in a one-song list and with repeated songs"
    cases = [(list(LONG), 1), (list(LONG), 7), (list(LONG), 2), (["solo"], 1),
             (["a", "b", "a", "b"], 3), (["a", "b", "a", "b"], 4)]
    return [call(s.move_to_front, songs, p) for songs, p in cases]


@check(weight=1, visible=False)
def list_is_not_changed(s):
    "The functions do not change the list they are given"
    songs = ["p", "q", "r", "s"]
    call(s.song_at, songs, 2)
    call(s.last_two, songs)
    call(s.backwards, songs)
    call(s.move_to_front, songs, 3)
    return songs
