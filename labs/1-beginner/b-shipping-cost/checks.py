from labcheck import check, call


@check(weight=1)
def example_shipping_cost(s):
    "shipping_cost(3), shipping_cost(3, True), shipping_cost(3, abroad=True), shipping_cost(3, express=True, abroad=True)"
    return [call(s.shipping_cost, 3), call(s.shipping_cost, 3, True),
            call(s.shipping_cost, 3, abroad=True), call(s.shipping_cost, 3, express=True, abroad=True)]


@check(weight=1)
def example_address_label(s):
    'address_label("Peter Pan", "Lost Bay")'
    return call(s.address_label, "Peter Pan", "Lost Bay")


@check(weight=1)
def example_stamp_row(s):
    'stamp_row("🐝") and stamp_row("x", 4, "-")'
    return [call(s.stamp_row, "🐝"), call(s.stamp_row, "x", 4, "-")]


@check(weight=3, visible=False)
def shipping_cost_more(s):
    "shipping_cost with weight 0, big parcels, all four options given by position and by keyword"
    out = []
    for w in (0, 1, 10, 250):
        out.append([call(s.shipping_cost, w), call(s.shipping_cost, w, False, True),
                    call(s.shipping_cost, w, True, False), call(s.shipping_cost, w, True, True),
                    call(s.shipping_cost, abroad=True, weight=w),
                    call(s.shipping_cost, w, abroad=False, express=True)])
    return out


@check(weight=2, visible=False)
def address_label_more(s):
    "address_label with a country given by position and by keyword, and keyword arguments in any order"
    return [call(s.address_label, "Ada", "London", "England"),
            call(s.address_label, "Zoë", "Zürich", country="Schweiz"),
            call(s.address_label, city="Oz", name="Dorothy"),
            call(s.address_label, country="Mars", city="Crater 7", name="Robo")]


@check(weight=2, visible=False)
def stamp_row_more(s):
    "stamp_row with count 1 and 0, only a gap, keyword arguments and longer stamps"
    return [call(s.stamp_row, "ok", 1), call(s.stamp_row, "ok", 0), call(s.stamp_row, "*", gap=""),
            call(s.stamp_row, "ab", gap=", "), call(s.stamp_row, gap="|", stamp="Q", count=5),
            call(s.stamp_row, "★", 2)]
