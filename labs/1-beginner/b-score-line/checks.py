from labcheck import call, case, cases, check


@check(weight=1)
def example_price_tag(s):
    "price_tag writes the price with exactly two decimals"
    return call(s.price_tag, "apple", 0.5)


@check(weight=1)
def example_short_name(s):
    "short_name shortens the first name to its first letter and a dot"
    return call(s.short_name, "Ada", "Lovelace")


@check(weight=1)
@cases(("Ada", 12, 10), ("Bartholomew", 100, 8))
def example_score_line(s, name, score, width):
    "score_line fills the line with dots, but always puts at least one dot"
    return call(s.score_line, name, score, width)


@check(weight=2, visible=False)
@cases(case("pear", 2, about="a whole number as the price"),
       case("gum", 0, about="a price of zero"),
       case("cake", 3.14159, about="a price with many decimals"),
       case("bike", 1250.999, about="a big price that must be rounded"),
       case("tea", 0.05, about="a price below 0.10"),
       case("crème", 9.9, about="an item with an accent and a price with one decimal"))
def price_tag_more(s, item, price):
    "price_tag rounds other prices to exactly two decimals"
    return call(s.price_tag, item, price)


@check(weight=1, visible=False)
@cases(case("Bo", "Li", about="short names"),
       case("X", "Æ A-12", about="a one-letter first name and an unusual last name"),
       case("Zoë", "Ångström", about="names with accents"),
       case("mohammed", "al-khwarizmi", about="names written in small letters"))
def short_name_more(s, first, last):
    "short_name keeps only the first letter of other first names"
    return call(s.short_name, first, last)


@check(weight=3, visible=False)
@cases(case("Bo", 5, 10, about="a short name on a long line"),
       case("Ada", 12, 6, about="a line where exactly one dot fits"),
       case("Ada", 12, 5, about="a line that is one character too short"),
       case("Ada", 12, 4, about="a line that is much too short"),
       case("Zoë", 0, 8, about="a score of zero"),
       case("Max", -3, 9, about="a negative score"),
       case("", 7, 4, about="an empty name"),
       case("Li", 123456, 20, about="a big score"))
def score_line_more(s, name, score, width):
    "score_line makes the line exactly width long with at least one dot, also at the boundaries"
    return call(s.score_line, name, score, width)
