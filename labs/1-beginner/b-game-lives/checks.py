from labcheck import check, cases, case, call, case_call

# Every check plays a game: its cases are the steps, in order, in one process, so the global
# variable lives carries over from one step to the next (as in the student's own program).
# A step is ("function", args...), ("lives",) to look at a variable, and may start with a dict
# of global variables the check sets first (the game designer changing MAX_LIVES).


def play(s, step):
    setup = {}
    if isinstance(step[0], dict):
        setup, step = step[0], step[1:]
    texts = []
    for var, value in setup.items():
        setattr(s, var, value)
        texts.append(f"{var} = {value!r}")
    name, args = step[0], step[1:]
    if name in ("lives", "MAX_LIVES"):
        texts.append(name)
        case_call("; ".join(texts))
        return getattr(s, name, f"(there is no variable {name})")
    result = call(getattr(s, name), *args)
    if texts:
        case_call("; ".join(texts + [f"{name}({', '.join(repr(a) for a in args)})"]))
    return result


@check(weight=2)
@cases(("lose_life",), ("extra_life",), ("lives_after", 2), ("lives",), ("lose_life",),
       ("new_game",), ("lives",))
def example_game(s, *step):
    "plays the game of the README step by step"
    return play(s, step)


@check(weight=1, visible=False)
@cases(case("lives", about="lives when the game starts"),
       case("MAX_LIVES", about="MAX_LIVES when the game starts"))
def starts_with_three(s, *step):
    "your file starts with the two global variables of the README"
    return play(s, step)


@check(weight=2, visible=False)
@cases(("lose_life",), ("lose_life",), ("lose_life",),
       case("lose_life", about="a hit when no lives are left"),
       case("lose_life", about="another hit when no lives are left"),
       case("lives", about="lives after all those hits"))
def never_below_zero(s, *step):
    "lose_life five times in a row never goes below zero"
    return play(s, step)


@check(weight=2, visible=False)
@cases(("extra_life",), ("extra_life",),
       case("extra_life", about="an extra life when lives are at MAX_LIVES"), ("extra_life",),
       case({"MAX_LIVES": 7}, "extra_life", about="the game designer raises MAX_LIVES"),
       ("extra_life",), case("extra_life", about="an extra life at the new MAX_LIVES"),
       ("extra_life",),
       case({"MAX_LIVES": 4}, "new_game", about="the game designer lowers MAX_LIVES"),
       ("extra_life",), ("lose_life",), ("extra_life",),
       case("extra_life", about="an extra life at the lower MAX_LIVES"),
       case("lives", about="lives at the end"))
def never_above_max(s, *step):
    "extra_life never goes above MAX_LIVES, also when the game designer changes it"
    return play(s, step)


@check(weight=3, visible=False)
@cases(case("lives_after", 0, about="no hits"), ("lives_after", 1), ("lives_after", 3),
       case("lives_after", 4, about="more hits than lives"),
       case("lives_after", 100, about="very many hits"),
       case("lives", about="lives after asking lives_after"),
       ("lose_life",), ("lives_after", 0), ("lives_after", 1), ("lives_after", 2),
       ("lives_after", 3), case("lives", about="lives after asking lives_after again"))
def lives_after_changes_nothing(s, *step):
    "lives_after says what would happen, without changing lives"
    return play(s, step)


@check(weight=1, visible=False)
@cases(case({"lives": 0}, "new_game", about="a new game after losing every life"),
       case("lives", about="lives after that new game"),
       ("extra_life",),
       case("new_game", about="a new game after an extra life"),
       case("lives", about="lives after that new game"))
def new_game_resets(s, *step):
    "new_game starts again with 3 lives"
    return play(s, step)
