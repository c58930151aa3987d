from labcheck import check, cases, case, call


# Visible checks: the examples of README.md.


@check(weight=1)
@cases(14, "14")
def example_check_age(s, age):
    "check_age returns a good age and raises TypeError for a text"
    return call(s.check_age, age)


@check(weight=1, exact_types=True)
@cases("09:30", "24:00")
def example_parse_time(s, text):
    "parse_time turns a time into a tuple of ints and refuses hour 24"
    return call(s.parse_time, text)


@check(weight=1)
def example_withdraw(s):
    "withdraw raises RuntimeError when the amount is more than the balance"
    return call(s.withdraw, 50, 80)


# Hidden checks: limits and broken inputs.


@check(weight=2, visible=False)
@cases(case(0, about="the youngest possible age"),
       case(150, about="the oldest possible age"),
       case(-1, about="just below the youngest age"),
       case(151, about="just above the oldest age"),
       case(42, about="an ordinary age"),
       case(14.0, about="a float"),
       case(None, about="None"),
       case([14], about="a list"),
       case("abc", about="a word"))
def check_age_more(s, age):
    "check_age accepts ages from 0 to 150 and refuses other ages and other kinds of values"
    return call(s.check_age, age)


@check(weight=3, visible=False, exact_types=True)
@cases(case("00:00", about="midnight"),
       case("23:59", about="the last minute of the day"),
       case("7:5", about="one digit for the hours and the minutes"),
       case("12:60", about="one minute too many"),
       case("-1:30", about="a negative hour"),
       case("12", about="no colon"),
       case("1:2:3", about="two colons"),
       case("ab:cd", about="letters instead of numbers"),
       case("", about="an empty text"),
       case(":", about="only a colon"),
       case("12:", about="no minutes"),
       case("18:45", about="an evening time"))
def parse_time_more(s, text):
    "parse_time reads good times and refuses broken ones"
    return call(s.parse_time, text)


@check(weight=2, visible=False)
@cases(case(50, 50, about="taking out everything"),
       case(50, 0, about="an amount of 0"),
       case(50, -5, about="a negative amount"),
       case(50, 51, about="one more than the balance"),
       case(0, 1, about="an empty account"),
       case(10.5, 0.5, about="amounts with decimals"),
       case(100, 1, about="a small amount"))
def withdraw_more(s, balance, amount):
    "withdraw refuses amounts of 0 or less and amounts bigger than the balance"
    return call(s.withdraw, balance, amount)
