from labcheck import check, call


def state(p):
    return [call(lambda: p.name), call(lambda: p.species), call(lambda: p.hunger)]


@check(weight=1)
def example_new_pet(s):
    'Pet("Rex", "dog"): name, species, hunger'
    return state(call(s.Pet, "Rex", "dog"))


@check(weight=2)
def example_methods(s):
    "rex.feed(), rex.play(), rex.describe()"
    rex = call(s.Pet, "Rex", "dog")
    return [call(lambda: rex.feed()), call(lambda: rex.play()), call(lambda: rex.describe())]


@check(weight=3, visible=False)
def feed_and_play_many_times(s):
    "feeding many times stops at 0, playing a lot, describe after each step"
    p = call(s.Pet, "Zoë", "cat")
    seen = []
    for action in ["feed", "feed", "feed", "feed", "play", "play", "feed", "play", "play", "play"]:
        seen.append(call(lambda: getattr(p, action)()))
        seen.append(call(lambda: p.describe()))
    return [seen, state(p)]


@check(weight=2, visible=False)
def pets_are_separate(s):
    "two pets have their own hunger; other names and species"
    a = call(s.Pet, "Nemo", "fish")
    b = call(s.Pet, "Tweety", "bird")
    call(lambda: a.feed())
    call(lambda: a.feed())
    call(lambda: b.play())
    return [state(a), state(b), call(lambda: a.describe()), call(lambda: b.describe()),
            call(lambda: type(a) is type(b) is s.Pet)]
