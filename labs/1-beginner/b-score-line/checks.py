from labcheck import check, call


@check(weight=1)
def example_price_tag(s):
    'price_tag("apple", 0.5)'
    return call(s.price_tag, "apple", 0.5)


@check(weight=1)
def example_short_name(s):
    'short_name("Ada", "Lovelace")'
    return call(s.short_name, "Ada", "Lovelace")


@check(weight=1)
def example_score_line(s):
    'score_line("Ada", 12, 10) and score_line("Bartholomew", 100, 8)'
    return [call(s.score_line, "Ada", 12, 10), call(s.score_line, "Bartholomew", 100, 8)]


@check(weight=2, visible=False)
def price_tag_more(s):
    "price_tag with other prices (whole numbers, zero, many decimals, big prices)"
    cases = [("pear", 2), ("gum", 0), ("cake", 3.14159), ("bike", 1250.999), ("tea", 0.05),
             ("crème", 9.9)]
    return [call(s.price_tag, i, p) for i, p in cases]


@check(weight=1, visible=False)
def short_name_more(s):
    "short_name with other names (one-letter names, long names, accents)"
    cases = [("Bo", "Li"), ("X", "Æ A-12"), ("Zoë", "Ångström"), ("mohammed", "al-khwarizmi")]
    return [call(s.short_name, f, l) for f, l in cases]


@check(weight=3, visible=False)
def score_line_more(s):
    "score_line at the boundaries (line just fits, one dot, too long, zero and negative scores)"
    cases = [("Bo", 5, 10), ("Ada", 12, 6), ("Ada", 12, 5), ("Ada", 12, 4), ("Zoë", 0, 8),
             ("Max", -3, 9), ("", 7, 4), ("Li", 123456, 20)]
    return [call(s.score_line, n, sc, w) for n, sc, w in cases]
