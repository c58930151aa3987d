from labcheck import case, case_call, cases, check, call

ACTIONS = {"f": "feed", "p": "play"}


def attr(obj, name):
    try:
        return getattr(obj, name)
    except Exception as e:
        return {"$raised": type(e).__name__}


def state(p):
    return (attr(p, "name"), attr(p, "species"), attr(p, "hunger"))


def act(p, letter):
    return call(lambda: getattr(p, ACTIONS[letter])())


# ---- visible checks: the example of README.md ----------------------------------------------------


@check(weight=1)
def example_new_pet(s):
    "a new pet has a name, a species and a hunger of 5"
    case_call('rex = Pet("Rex", "dog"); rex.name, rex.species, rex.hunger')
    return state(call(s.Pet, "Rex", "dog"))


@check(weight=2)
@cases("f", "fp", "fpd")
def example_methods(s, steps):
    "feed() and play() change the hunger and give it back; describe() tells about the pet"
    rex = call(s.Pet, "Rex", "dog")
    text = ['rex = Pet("Rex", "dog")']
    got = None
    for letter in steps:
        if letter == "d":
            got = call(lambda: rex.describe())
            text.append("rex.describe()")
        else:
            got = act(rex, letter)
            text.append(f"rex.{ACTIONS[letter]}()")
    case_call("; ".join(text))
    return got


# ---- hidden checks -----------------------------------------------------------------------------


@check(weight=3, visible=False)
@cases(case("", about="a new pet, described before anything happens"),
       case("fff", about="feeding three times in a row"),
       case("ffff", about="feeding again and again"),
       case("pppp", about="playing a lot"),
       case("ffffppfppp", about="feeding and playing mixed"),
       "pf", "fpfpfp")
def feed_and_play_many_times(s, steps):
    "feeding and playing many times; describe() after each step"
    p = call(s.Pet, "Zoë", "cat")
    seen = [call(lambda: p.describe())]
    for letter in steps:
        seen.append(act(p, letter))
        seen.append(call(lambda: p.describe()))
    return [seen, state(p)]


@check(weight=2, visible=False)
@cases(case("first", about="the pet that was fed, next to another pet"),
       case("second", about="the pet that played, next to another pet"),
       case("describe", about="the descriptions of both pets"),
       case("new", about="a third pet made after the others were fed"))
def pets_are_separate(s, what):
    "each pet has its own hunger"
    a = call(s.Pet, "Nemo", "fish")
    b = call(s.Pet, "Tweety", "bird")
    act(a, "f")
    act(a, "f")
    act(b, "p")
    if what == "first":
        return state(a)
    if what == "second":
        return state(b)
    if what == "describe":
        return [call(lambda: a.describe()), call(lambda: b.describe())]
    return state(call(s.Pet, "Kitty", "cat"))
