from labcheck import check, cases, case, run_main


def greet(name, age):
    return run_main(stdin=f"{name}\n{age}\n")


@check(weight=2)
def example_ada():
    "greets Ada, who is 12, and tells her age next year"
    return greet("Ada", "12")


@check(weight=1)
def example_bob():
    "greets Bob, who is 9, and tells his age next year"
    return greet("Bob", "9")


@check(weight=2, visible=False)
@cases(case("Zoe", "0", about="a baby"), case("Mohammed Ali", "15", about="a name with a space"),
       case("Li", "99", about="a grandparent"), ("Anne-Marie", "41"))
def other_names_and_ages(name, age):
    "greets other people"
    return greet(name, age)


@check(weight=1, visible=False)
@cases(case("Zoë Ångström", "7", about="a name with letters that are not in English words"),
       case("李小龍", "32", about="a name in Chinese characters"))
def name_with_accents(name, age):
    "greets people whose names have letters from other alphabets"
    return greet(name, age)


@check(weight=1, visible=False)
@cases(case("Sam", " 14 ", about="an age with spaces before and after it"),
       case("Kim", "8 ", about="an age with a space after it"))
def age_with_spaces(name, age):
    "reads an age typed with spaces around it"
    return greet(name, age)
