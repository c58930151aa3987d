from labcheck import case, case_call, cases, check, call


def example():
    return {
        "7A": [{"name": "Ada", "scores": [90, 80]}, {"name": "Bo", "scores": [60]}],
        "7B": [{"name": "Cy", "scores": [70, 75, 95]}],
    }


def bigger():
    return {
        "8C": [{"name": "Eli", "scores": []}, {"name": "Fay", "scores": [88, 92]}],
        "8D": [],
        "9A": [{"name": "Gus", "scores": [100, 80]}, {"name": "Hal", "scores": [49, 51, 50]},
               {"name": "Zoë", "scores": [95, 85]}],
        "9B": [{"name": "Ivy", "scores": [3]}],
    }


SCHOOLS = {"school": example, "bigger": bigger, "empty": dict,
           "no_scores": lambda: {"X": [{"name": "A", "scores": []}]},
           "tie": lambda: {"X": [{"name": "A", "scores": [50]}],
                           "Y": [{"name": "B", "scores": [40, 60]}]},
           "last_best": lambda: {"X": [{"name": "A", "scores": [1]}],
                                 "Y": [{"name": "B", "scores": [2]}]}}


# ---- visible checks: the examples of README.md -------------------------------------------------


@check(weight=1)
def example_class_average(s):
    "class_average gives the average of all the scores of 7A, rounded to 1 decimal"
    case_call('class_average(school, "7A")')
    return call(s.class_average, example(), "7A")


@check(weight=1)
def example_best_student(s):
    "best_student gives the (name, class) of the best average"
    case_call("best_student(school)")
    return call(s.best_student, example())


@check(weight=1)
@cases("result", "school")
def example_add_score(s, what):
    "add_score adds a score for Bo inside school"
    school = example()
    got = call(s.add_score, school, "7A", "Bo", 100)
    if what == "result":
        case_call('add_score(school, "7A", "Bo", 100)')
        return got
    case_call('add_score(school, "7A", "Bo", 100); school["7A"][1]')
    return school["7A"][1]


@check(weight=1)
def example_all_above(s):
    "all_above gives the sorted names of the students who have all scores at least 70"
    case_call("all_above(school, 70)")
    return call(s.all_above, example(), 70)


# ---- hidden checks: other schools ----------------------------------------------------------------


@check(weight=2, visible=False)
@cases(case("bigger", "8C", about="a class with a student who has no scores"),
       case("bigger", "8D", about="a class without students"),
       ("bigger", "9A"), case("bigger", "9B", about="a class with one score"),
       case("bigger", "7Z", about="a class that does not exist"), ("school", "7B"),
       case("no_scores", "X", about="a class where nobody has a score"),
       case("bigger", "9A", "unchanged", about="the school given is not changed"))
def class_average_more(s, which, class_name, observe="result"):
    "class_average of other classes, or None when there is no score"
    school = SCHOOLS[which]()
    got = call(s.class_average, school, class_name)
    return school if observe == "unchanged" else got


@check(weight=2, visible=False)
@cases(case("bigger", about="a bigger school with an empty class"),
       case("empty", about="a school without classes"),
       case("no_scores", about="nobody has a score"),
       case("tie", about="two students with the same average"),
       case("last_best", about="the best student is in the last class"))
def best_student_more(s, which):
    "best_student finds the best average in other schools"
    return call(s.best_student, SCHOOLS[which]())


@check(weight=3, visible=False)
@cases(case(("8C", "Eli", 70), about="a student who had no scores yet"),
       case(("9A", "Zoë", 0), ("9A", "Zoë", 10), about="two new scores for the same student"),
       case(("8D", "Eli", 5), about="a class without that student"),
       case(("7Z", "Gus", 5), about="a class that does not exist"),
       case(("9B", "ivy", 5), about="a name written with a small letter"),
       (("9A", "Hal", 50),))
def add_score_more(s, *calls):
    "add_score adds the score to the right student only, in other schools"
    school = bigger()
    got = [call(s.add_score, school, *c) for c in calls]
    case_call("; ".join("add_score(school, %r, %r, %r)" % c for c in calls) + "; school")
    return [got, school]


@check(weight=2, visible=False)
@cases(case("bigger", 0, about="a minimum of 0"),
       case("bigger", 49, about="a minimum equal to somebody's lowest score"),
       ("bigger", 50), ("bigger", 85), ("bigger", 88),
       case("bigger", 101, about="a minimum above every score"),
       case("empty", 10, about="a school without classes"))
def all_above_more(s, which, minimum):
    "all_above finds who has all scores high enough, for other minimums"
    return call(s.all_above, SCHOOLS[which](), minimum)
