from labcheck import check, cases, case, call, case_call, source_text

SONGS = ["Intro", "Dance", "Chill"]


@check(weight=1)
def example_song_at(s):
    "song_at counts positions from 1: position 1 is the first song"
    return call(s.song_at, list(SONGS), 1)


@check(weight=1)
def example_last_two(s):
    "last_two gives the last two songs"
    return call(s.last_two, list(SONGS))


@check(weight=1)
def example_backwards(s):
    "backwards gives the songs in the opposite order"
    return call(s.backwards, list(SONGS))


@check(weight=1)
def example_move_to_front(s):
    "move_to_front moves the third song to the front"
    return call(s.move_to_front, ["Intro", "Dance", "Chill", "Rock"], 3)


LONG = ["a", "b", "c", "d", "e", "f", "g"]


@check(weight=2, visible=False)
@cases(case(LONG, 1, about="the first position"), (LONG, 2), (LONG, 4),
       case(LONG, 7, about="the last position"), case(["Só"], 1, about="a one-song playlist"))
def song_at_more(s, songs, position):
    "song_at for the first, the last and a middle position of other playlists"
    return call(s.song_at, list(songs), position)


PLAYLISTS = [("an empty playlist", []), ("one song", ["one"]), ("two songs", ["x", "y"]),
             ("seven songs", LONG), ("a song that is there twice", ["Zoë", "Zoë", "Ana"])]


@check(weight=2, visible=False)
@cases(*[case(name, songs, about=f"{name}: {about}")
         for name in ("last_two", "backwards") for about, songs in PLAYLISTS])
def last_two_and_backwards_more(s, name, songs):
    "last_two and backwards with empty, one-song and long playlists"
    return call(getattr(s, name), list(songs))


@check(weight=2, visible=False)
@cases(case(LONG, 1, about="the first song is moved"),
       case(LONG, 7, about="the last song is moved"),
       (LONG, 2), case(["solo"], 1, about="a one-song playlist"),
       case(["a", "b", "a", "b"], 3, about="a song that is there twice"),
       (["a", "b", "a", "b"], 4))
def move_to_front_more(s, songs, position):
    "move_to_front with other playlists and positions"
    return call(s.move_to_front, list(songs), position)


@check(weight=1, visible=False)
@cases(case("song_at", 2, about="song_at leaves the playlist as it was"),
       case("last_two", about="last_two leaves the playlist as it was"),
       case("backwards", about="backwards leaves the playlist as it was"),
       case("move_to_front", 3, about="move_to_front leaves the playlist as it was"))
def list_is_not_changed(s, name, *args):
    "the functions do not change the list they are given"
    songs = ["p", "q", "r", "s"]
    call(getattr(s, name), songs, *args)
    return songs


@check(weight=1)
@cases(case("indexing", about="indexing takes one song: songs[i]"),
       case("slicing", about="slicing takes a part of the list: songs[a:b]"))
def uses_indexing_and_slicing(what):
    "your functions use indexing and slicing, as the README asks"
    import ast
    case_call(f"looking for {what} in your code")
    want_slice = what == "slicing"
    return any(isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice) == want_slice
               for node in ast.walk(ast.parse(source_text())))
