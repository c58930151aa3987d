from labcheck import case, case_call, cases, check, call, class_shape, mro_names

ANIMALS = ("Duck", "Penguin", "Fish")
MIXINS = ("Walker", "Swimmer", "Flyer")


def can(a):
    """What an object answers to each of walk(), swim(), fly() and move() it has."""
    return {m: call(lambda: getattr(a, m)()) for m in ("walk", "swim", "fly", "move")
            if call(hasattr, a, m) is True}


# ---- visible checks: the examples of README.md -------------------------------------------------


@check(weight=1)
@cases("fly_swim", "abilities")
def example_duck(s, what):
    "a Duck can fly and swim, and knows its abilities"
    d = call(s.Duck, "Donald")
    if what == "fly_swim":
        case_call('d = Duck("Donald"); d.fly(), d.swim()')
        return (call(lambda: d.fly()), call(lambda: d.swim()))
    case_call('d = Duck("Donald"); d.abilities()')
    return call(lambda: d.abilities())


@check(weight=1)
@cases("fish", "penguin", "isinstance")
def example_fish_and_penguin(s, what):
    "a Fish only swims, a Penguin's move() walks, a Duck is a Flyer and a Fish is not a Walker"
    if what == "fish":
        case_call('Fish("Nemo").abilities()')
        return call(lambda: s.Fish("Nemo").abilities())
    if what == "penguin":
        case_call('Penguin("Pingu").move()')
        return call(lambda: s.Penguin("Pingu").move())
    case_call('isinstance(Duck("Donald"), Flyer), isinstance(Fish("Dory"), Walker)')
    return call(lambda: (isinstance(s.Duck("Donald"), s.Flyer),
                         isinstance(s.Fish("Dory"), s.Walker)))


@check(weight=2)
@cases(*ANIMALS)
def parents_and_mro(s, animal):
    "the parents of each animal, in the order of README.md, and its MRO"
    case_call(f"{animal}.__bases__, {animal}.__mro__")
    shape = class_shape(getattr(s, animal, None))
    return [shape.get("bases"), shape.get("mro")]


# ---- hidden checks -----------------------------------------------------------------------------


@check(weight=3, visible=False)
@cases(case("Duck", "Zoë", about="a duck with an accent in its name"),
       case("Penguin", "Tux", about="a penguin"), case("Fish", "Wanda", about="a fish"),
       ("Duck", "Daisy"))
def everything_each_animal_can_do(s, animal, name):
    "everything other ducks, penguins and fish can do"
    a = call(getattr(s, animal), name)
    return [can(a), call(lambda: a.abilities()), call(lambda: a.name)]


@check(weight=2, visible=False)
@cases(*[case(a, about=f"a {a} and the mixins and Animal") for a in ANIMALS])
def isinstance_table(s, animal):
    "which animal is an instance of which mixin, and of Animal"
    a = call(getattr(s, animal), "x")
    return [call(isinstance, a, getattr(s, m)) for m in MIXINS + ("Animal",)]


def new_class(s, what):
    """Classes made by the check with the student's Animal and mixins."""
    if what == "flying_fish":
        class FlyingFish(s.Animal, s.Flyer, s.Swimmer):
            pass
        return FlyingFish("Ff")
    if what == "animal":
        return s.Animal("Blob")
    mixin = {"robot": s.Walker, "boat": s.Swimmer, "kite": s.Flyer}[what]

    class Thing(mixin):
        def __init__(self):
            self.name = what.title()

    return Thing()


@check(weight=2, visible=False)
@cases(case("flying_fish", about="a new animal with the mixins in another order"),
       case("robot", about="a class that is not an Animal, with Walker only"),
       case("boat", about="a class that is not an Animal, with Swimmer only"),
       case("kite", about="a class that is not an Animal, with Flyer only"),
       case("animal", about="a plain Animal, without any mixin"),
       case("flying_fish_mro", about="the MRO of the new animal"))
def mixins_work_anywhere(s, what):
    "the mixins and abilities() also work for new classes"
    if what == "flying_fish_mro":
        made = call(new_class, s, "flying_fish")
        return mro_names(type(made)) if not isinstance(made, dict) else made
    made = call(new_class, s, what)
    if isinstance(made, dict):
        return made
    if what in ("flying_fish", "animal"):
        return [can(made), call(lambda: made.abilities())]
    return can(made)
