from labcheck import check, run_main


@check(weight=2)
def example_pizza():
    "Meal 45.50, 3 people, 10% tip"
    return run_main(stdin="45.50\n3\n10\n")


BILLS = [("20", "4", "0"), ("100", "1", "15"), ("12.99", "2", "20"), ("0", "5", "10"),
         ("1234.56", "7", "12"), ("9.99", "3", "18"), ("7", "3", "0")]


@check(weight=3, visible=False)
def other_bills():
    "Other bills (no tip, one person, whole-number prices, a free meal, a big party)"
    return [run_main(stdin=f"{m}\n{p}\n{t}\n") for m, p, t in BILLS]


@check(weight=1, visible=False)
def spaces_around_numbers():
    "Numbers typed with spaces around them"
    return run_main(stdin=" 60.00 \n 4\n5 \n")
