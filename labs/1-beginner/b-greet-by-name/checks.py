from labcheck import check, run_main


@check(weight=2)
def example_ada():
    "Name Ada, age 12"
    return run_main(stdin="Ada\n12\n")


@check(weight=1)
def example_bob():
    "Name Bob, age 9"
    return run_main(stdin="Bob\n9\n")


@check(weight=2, visible=False)
def other_names_and_ages():
    "Other names and ages (long names, names with spaces, a baby, a grandparent)"
    people = [("Zoe", "0"), ("Mohammed Ali", "15"), ("Li", "99"), ("Anne-Marie", "41")]
    return [run_main(stdin=f"{n}\n{a}\n") for n, a in people]


@check(weight=1, visible=False)
def name_with_accents():
    "A name with letters that are not in the English alphabet"
    return run_main(stdin="Zoë Ångström\n7\n")


@check(weight=1, visible=False)
def age_with_spaces():
    "An age typed with spaces around it"
    return run_main(stdin="Sam\n 14 \n")
