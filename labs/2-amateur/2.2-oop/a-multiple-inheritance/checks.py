from labcheck import check, call, class_shape, mro_names

ANIMALS = ("Duck", "Penguin", "Fish")
MIXINS = ("Walker", "Swimmer", "Flyer")


def can(a):
    return {m: call(lambda: getattr(a, m)()) for m in ("walk", "swim", "fly", "move")
            if call(hasattr, a, m) is True}


@check(weight=1)
def example_duck(s):
    'd = Duck("Donald"): fly(), swim(), abilities()'
    d = call(s.Duck, "Donald")
    return [call(lambda: d.fly()), call(lambda: d.swim()), call(lambda: d.abilities())]


@check(weight=1)
def example_fish_and_penguin(s):
    'Fish("Nemo").abilities(), Penguin("Pingu").move(), isinstance checks'
    return [call(lambda: s.Fish("Nemo").abilities()), call(lambda: s.Penguin("Pingu").move()),
            call(lambda: [isinstance(s.Duck("D"), s.Flyer), isinstance(s.Fish("Dory"), s.Walker)])]


@check(weight=2)
def parents_and_mro(s):
    "the parents (in order) and the MRO of Duck, Penguin and Fish"
    out = {}
    for n in ANIMALS:
        sh = class_shape(getattr(s, n, None))
        out[n] = [sh.get("bases"), sh.get("mro")]
    return out


@check(weight=3, visible=False)
def everything_each_animal_can_do(s):
    "every method of other ducks, penguins and fish (other names, accents)"
    out = []
    for cls, name in (("Duck", "Zoë"), ("Penguin", "Tux"), ("Fish", "Wanda"), ("Duck", "Daisy")):
        a = call(getattr(s, cls), name)
        out.append([cls, can(a), call(lambda: a.abilities()), call(lambda: a.name)])
    return out


@check(weight=2, visible=False)
def isinstance_table(s):
    "which animal is an instance of which mixin, and of Animal"
    table = {}
    for n in ANIMALS:
        a = call(getattr(s, n), "x")
        table[n] = [call(lambda: isinstance(a, getattr(s, m))) for m in MIXINS + ("Animal",)]
    return table


@check(weight=2, visible=False)
def mixins_work_anywhere(s):
    "the mixins and abilities() also work for new classes (a robot, a flying fish, an Animal alone)"
    class FlyingFish(s.Animal, s.Flyer, s.Swimmer):
        pass

    class Robot(s.Walker):
        def __init__(self):
            self.name = "R2"

    ff = call(FlyingFish, "Ff")
    r = call(Robot)
    plain = call(s.Animal, "Blob")
    return [can(ff), call(lambda: ff.abilities()), can(r), call(lambda: plain.abilities()),
            mro_names(FlyingFish), [class_shape(getattr(s, m, None)).get("methods") for m in MIXINS]]
