from labcheck import call, case, cases, check

# Rows are (positional arguments, keyword arguments): the lab is about how arguments are passed.

WEIGHTS = {0: "an empty parcel (weight 0)", 1: "a 1 kg parcel", 10: "a 10 kg parcel",
           250: "a very heavy parcel"}


def _shipping_rows():
    rows = []
    for w, parcel in WEIGHTS.items():
        rows += [case((w,), {}, about=f"{parcel}, no options"),
                 case((w, False, True), {}, about=f"{parcel}, abroad, given by position"),
                 case((w, True, False), {}, about=f"{parcel}, express, given by position"),
                 case((w, True, True), {}, about=f"{parcel}, express and abroad, by position"),
                 case((), {"abroad": True, "weight": w}, about=f"{parcel}, everything given by name"),
                 case((w,), {"abroad": False, "express": True}, about=f"{parcel}, express, given by name")]
    return rows


@check(weight=1)
@cases(((3,), {}), ((3, True), {}), ((3,), {"abroad": True}), ((3,), {"express": True, "abroad": True}))
def example_shipping_cost(s, args, kwargs):
    "shipping_cost with and without express and abroad, as in the README"
    return call(s.shipping_cost, *args, **kwargs)


@check(weight=1)
def example_address_label(s):
    "address_label uses Neverland when no country is given"
    return call(s.address_label, "Peter Pan", "Lost Bay")


@check(weight=1)
@cases((("🐝",), {}), (("x", 4, "-"), {}))
def example_stamp_row(s, args, kwargs):
    "stamp_row makes 3 stamps with a space between them, unless you say otherwise"
    return call(s.stamp_row, *args, **kwargs)


@check(weight=3, visible=False)
@cases(*_shipping_rows())
def shipping_cost_more(s, args, kwargs):
    "shipping_cost adds 10 for abroad, then doubles for express, for other weights and ways of giving the options"
    return call(s.shipping_cost, *args, **kwargs)


@check(weight=2, visible=False)
@cases(case(("Ada", "London", "England"), {}, about="a country given by position"),
       case(("Zoë", "Zürich"), {"country": "Schweiz"}, about="a country given by name"),
       case((), {"city": "Oz", "name": "Dorothy"}, about="name and city given by name, in another order"),
       case((), {"country": "Mars", "city": "Crater 7", "name": "Robo"},
            about="everything given by name, in another order"))
def address_label_more(s, args, kwargs):
    "address_label uses the country you give, and keyword arguments may come in any order"
    return call(s.address_label, *args, **kwargs)


@check(weight=2, visible=False)
@cases(case(("ok", 1), {}, about="only one stamp"),
       case(("ok", 0), {}, about="no stamps at all"),
       case(("*",), {"gap": ""}, about="an empty gap"),
       case(("ab",), {"gap": ", "}, about="a gap of two characters"),
       case((), {"gap": "|", "stamp": "Q", "count": 5}, about="everything given by name"),
       case(("★", 2), {}, about="two stamps"))
def stamp_row_more(s, args, kwargs):
    "stamp_row puts the gap only between the stamps, for other counts, gaps and keyword arguments"
    return call(s.stamp_row, *args, **kwargs)
