from labcheck import check, cases, case, call, case_call, source_text

# different_marks must return a list: a set ({6, 8, 10}) is now a different observation from
# the list [6, 8, 10] by itself, so no type observation is needed.


def call_on_copy(s, name, values):
    return call(getattr(s, name), list(values))      # a fresh list for every call


@check(weight=1)
@cases(("average", [7, 8, 10]), ("spread", [7, 8, 10]))
def example_average_and_spread(s, name, marks):
    "average and spread of the marks 7, 8 and 10"
    return call_on_copy(s, name, marks)


@check(weight=1)
def example_longest_name(s):
    "longest_name finds Grace, the first of the longest names"
    return call(s.longest_name, ["Ada", "Grace", "Alan", "Linus"])


@check(weight=1)
@cases(("different_marks", [8, 6, 8, 10, 6]), ("total_distance", [3, -2, 5]))
def example_different_marks_and_distance(s, name, values):
    "different_marks lists each mark once, total_distance adds up every step"
    return call_on_copy(s, name, values)


MORE_MARKS = [case([5], about="only one mark"), case([10, 10], about="two equal marks"), [1, 2],
              case([-4, 0, 4], about="negative marks"), [9, 3, 7, 3, 9, 1],
              case([0.5, 0.25], about="marks with decimals"),
              case(list(range(1, 101)), about="a hundred marks"), [100, 0, 50, 75, 25]]


def for_function(name, rows):
    """The rows of MORE_MARKS (or others) with the function's name in front."""
    out = []
    for r in rows:
        if hasattr(r, "about"):
            out.append(case(name, *r.args, about=f"{name}: {r.about}" if r.about else ""))
        else:
            out.append((name, r))
    return out


@check(weight=2, visible=False)
@cases(*for_function("average", MORE_MARKS), *for_function("spread", MORE_MARKS))
def average_and_spread_more(s, name, marks):
    "average (rounded to 1 decimal) and spread of other marks"
    return call_on_copy(s, name, marks)


@check(weight=2, visible=False)
@cases(case(["Bo"], about="only one name"),
       case(["Ann", "Bob", "Cid"], about="all names equally long"),
       case(["a", "bb", "ccc"], about="the longest name is the last one"),
       case(["Zoë", "Li", "Ángel"], about="names with accents"),
       case(["Maximilian", "Ed", "Christopher", "Bartholomew"], about="two names are the longest"),
       case([""], about="one empty name"))
def longest_name_more(s, names):
    "longest_name gives the first of the longest names"
    return call(s.longest_name, list(names))


@check(weight=2, visible=False)
@cases(*for_function("different_marks",
                     MORE_MARKS + [case([3, 3, 3], about="all marks the same"),
                                   case([-1, -5, -1, 2], about="a negative mark twice")]))
def different_marks_more(s, name, marks):
    "different_marks gives a list of each mark once, from low to high"
    return call_on_copy(s, name, marks)


@check(weight=2, visible=False)
@cases(case([0], about="a robot that does not move"), case([-1], about="one step backwards"),
       case([-3, -4], about="only backwards"), case([2, -2, 2, -2], about="back where it started"),
       case([1000000, -1000000], about="giant steps"), [7])
def total_distance_more(s, steps):
    "total_distance adds up the steps forwards and backwards"
    return call(s.total_distance, list(steps))


TABLE = ("len", "sum", "min", "max", "abs", "round", "sorted", "set")


@check(weight=1)
@cases(*[case(name, about=f"{name} uses a built-in function of the table")
         for name in ("average", "spread", "longest_name", "different_marks", "total_distance")])
def uses_built_ins(name):
    "each of your functions uses a built-in function of the README's table"
    import ast
    case_call(f"looking for len, sum, min, max, abs, round, sorted or set in {name}")
    for node in ast.walk(ast.parse(source_text())):
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
                       and n.func.id in TABLE for n in ast.walk(node))
    return False
