from labcheck import check, cases, case, run_main

# A program that reads three lines and prints three lines.  Amounts are printed with two
# decimals, so the observations are text and number types do not matter here.


def bill(meal, people, tip):
    return run_main(stdin=f"{meal}\n{people}\n{tip}\n")


@check(weight=2)
def example_pizza():
    "splits a 45.50 meal with a 10% tip between 3 people"
    return bill("45.50", "3", "10")


@check(weight=3, visible=False)
@cases(case("20", "4", "0", about="no tip at all"),
       case("100", "1", "15", about="one person pays everything"),
       ("12.99", "2", "20"),
       case("0", "5", "10", about="a free meal"),
       case("1234.56", "7", "12", about="a big party with a big bill"),
       ("9.99", "3", "18"),
       case("7", "3", "0", about="a whole-number price that does not share evenly"))
def other_bills(meal, people, tip):
    "works out the tip, the total and each share for other bills"
    return bill(meal, people, tip)


@check(weight=1, visible=False)
@cases(case(" 60.00 ", " 4", "5 ", about="numbers typed with spaces around them"),
       case("80", "4 ", " 25", about="other numbers with spaces around them"))
def spaces_around_numbers(meal, people, tip):
    "reads numbers even when they have spaces around them"
    return bill(meal, people, tip)
