from labcheck import check, call


@check(weight=1)
def example_ticket_prices(s):
    "ticket_price(12, False) and ticket_price(30, True)"
    return [call(s.ticket_price, 12, False), call(s.ticket_price, 30, True)]


@check(weight=1)
def example_can_ride(s):
    "can_ride(130, True) and can_ride(130, False)"
    return [call(s.can_ride, 130, True), call(s.can_ride, 130, False)]


@check(weight=1)
def example_leap_years(s):
    "is_leap_year(2024) and is_leap_year(1900)"
    return [call(s.is_leap_year, 2024), call(s.is_leap_year, 1900)]


@check(weight=3, visible=False)
def ticket_price_all_ages(s):
    "ticket_price at every age boundary, students and non-students"
    ages = [0, 5, 6, 17, 18, 30, 64, 65, 90]
    return [[call(s.ticket_price, a, st) for a in ages] for st in (False, True)]


@check(weight=2, visible=False)
def can_ride_boundaries(s):
    "can_ride just below, at and above 120 cm and 140 cm"
    heights = [100, 119, 120, 121, 139, 140, 141, 200]
    return [[call(s.can_ride, h, adult) for h in heights] for adult in (False, True)]


@check(weight=2, visible=False)
def leap_years_more(s):
    "is_leap_year for many years (divisible by 4, 100 and 400)"
    years = [2000, 2100, 2400, 1996, 1999, 2023, 1600, 1700, 4, 1]
    return [call(s.is_leap_year, y) for y in years]
