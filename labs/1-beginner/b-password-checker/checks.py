from labcheck import check, call


@check(weight=1)
def example_points(s):
    'points("hello") and points("Hello2024!")'
    return [call(s.points, "hello"), call(s.points, "Hello2024!")]


@check(weight=1)
def example_strength(s):
    'strength("hello") and strength("Hello2024!")'
    return [call(s.strength, "hello"), call(s.strength, "Hello2024!")]


PASSWORDS = ["", "a", "A", "7", "!", "abcdefg", "abcdefgh", "ABCDEFGH", "12345678", "        ",
             "Abc1!", "Abcdefg1", "abcdefg!1", "ABC def 123", "Zoë2024", "ÖLFARBE!", "x" * 50,
             "Pass word", "Hello2024!", "a1!B"]


@check(weight=3, visible=False)
def points_more(s):
    "points for many passwords (empty, exactly 8 characters, spaces, accents, only digits...)"
    return [call(s.points, p) for p in PASSWORDS]


@check(weight=2, visible=False)
def strength_more(s):
    "strength for many passwords, including exactly 2, 3, 4 and 5 points"
    return [call(s.strength, p) for p in PASSWORDS]
