from labcheck import check, cases, case, call, case_call, source_text


@check(weight=1)
def example_times_table(s):
    "times_table(3) gives the first ten multiples of 3"
    return call(s.times_table, 3)


@check(weight=1)
def example_evens_between(s):
    "evens_between(3, 10) gives the even numbers from 3 to 10"
    return call(s.evens_between, 3, 10)


@check(weight=1)
def example_count_down_by(s):
    "count_down_by(10, 3) counts down from 10 in steps of 3"
    return call(s.count_down_by, 10, 3)


@check(weight=1)
def example_sum_to(s):
    "sum_to(4) adds up 1 + 2 + 3 + 4"
    return call(s.sum_to, 4)


@check(weight=1, visible=False)
@cases(case(0, about="the times table of 0"), case(1, about="the times table of 1"),
       case(-2, about="a negative number"), 12)
def times_table_more(s, n):
    "times_table of other numbers"
    return call(s.times_table, n)


@check(weight=2, visible=False)
@cases(case(2, 8, about="both ends are even"), case(1, 1, about="one odd number"),
       case(2, 2, about="one even number"), case(10, 3, about="a is bigger than b"),
       case(-5, 3, about="from a negative number to a positive one"),
       case(-4, -4, about="one negative even number"), case(0, 0, about="only zero"),
       case(7, 9, about="both ends are odd"))
def evens_between_more(s, a, b):
    "evens_between with even ends, odd ends, one number, a > b and negative numbers"
    return call(s.evens_between, a, b)


@check(weight=2, visible=False)
@cases(case(5, 1, about="steps of 1"), (9, 3), case(10, 5, about="a step that lands on 0"),
       case(3, 10, about="a step bigger than the start"), case(1, 1, about="start at 1"),
       case(0, 2, about="start at 0"), (100, 33))
def count_down_by_more(s, start, step):
    "count_down_by with other starts and steps"
    return call(s.count_down_by, start, step)


@check(weight=2, visible=False)
@cases(case(1, about="only 1"), case(0, about="n is 0"), case(-5, about="a negative n"), 2, 10,
       case(100, about="a big n"), case(1000, about="a very big n"))
def sum_to_more(s, n):
    "sum_to of other numbers"
    return call(s.sum_to, n)


@check(weight=1)
@cases(case("range", about="range makes the numbers"),
       case("loop", about="a for or while loop goes through them"))
def uses_range_and_a_loop(what):
    "your functions use range and a for or while loop, as the README asks"
    import ast
    tree = ast.parse(source_text())
    if what == "range":
        case_call("looking for range(...) in your code")
        return any(isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                   and node.func.id == "range" for node in ast.walk(tree))
    case_call("looking for a for or while loop in your code")
    return any(isinstance(node, (ast.For, ast.While)) for node in ast.walk(tree))
