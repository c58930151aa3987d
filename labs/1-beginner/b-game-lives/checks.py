from labcheck import check, call


def lives_now(s):
    return getattr(s, "lives", "no variable lives")


@check(weight=2)
def example_game(s):
    "lose_life(), extra_life(), lives_after(2), lives, lose_life(), new_game(), lives"
    seen = [call(s.lose_life), call(s.extra_life), call(s.lives_after, 2), lives_now(s),
            call(s.lose_life), call(s.new_game), lives_now(s)]
    return seen


@check(weight=1, visible=False)
def starts_with_three(s):
    "lives is 3 and MAX_LIVES is 5 at the start"
    return [lives_now(s), getattr(s, "MAX_LIVES", None)]


@check(weight=2, visible=False)
def never_below_zero(s):
    "lose_life five times in a row, then lives"
    return [[call(s.lose_life) for _ in range(5)], lives_now(s)]


@check(weight=2, visible=False)
def never_above_max(s):
    "extra_life until the maximum, also when the game designer changes MAX_LIVES"
    first = [call(s.extra_life) for _ in range(4)]
    s.MAX_LIVES = 7
    second = [call(s.extra_life) for _ in range(4)]
    s.MAX_LIVES = 4
    call(s.new_game)
    third = [call(s.extra_life), call(s.lose_life), call(s.extra_life)]
    return [first, second, third, lives_now(s)]


@check(weight=3, visible=False)
def lives_after_changes_nothing(s):
    "lives_after with 0 hits, many hits, after losing lives; lives stays the same"
    seen = [call(s.lives_after, h) for h in (0, 1, 3, 4, 100)]
    seen.append(lives_now(s))
    call(s.lose_life)
    seen.append([call(s.lives_after, h) for h in (0, 1, 2, 3)])
    seen.append(lives_now(s))
    return seen


@check(weight=1, visible=False)
def new_game_resets(s):
    "new_game after losing everything and after extra lives"
    call(s.lose_life)
    call(s.lose_life)
    call(s.lose_life)
    a = call(s.new_game)
    b = lives_now(s)
    call(s.extra_life)
    call(s.new_game)
    return [a, b, lives_now(s)]
