from labcheck import check, call, type_name


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


@check(weight=1)
def example_class_average(s):
    'class_average(school, "7A")'
    return call(s.class_average, example(), "7A")


@check(weight=1)
def example_best_student(s):
    "best_student(school)"
    r = call(s.best_student, example())
    return [r, type_name(r)]


@check(weight=1)
def example_add_score(s):
    'add_score(school, "7A", "Bo", 100), then school'
    school = example()
    return [call(s.add_score, school, "7A", "Bo", 100), school]


@check(weight=1)
def example_all_above(s):
    "all_above(school, 70)"
    return call(s.all_above, example(), 70)


@check(weight=2, visible=False)
def class_average_more(s):
    "class_average of other classes (empty class, missing class, a student without scores)"
    school = bigger()
    got = [call(s.class_average, school, c) for c in ("8C", "8D", "9A", "9B", "7Z")]
    got.append(call(s.class_average, example(), "7B"))
    got.append(call(s.class_average, {"X": [{"name": "A", "scores": []}]}, "X"))
    return [got, school == bigger()]


@check(weight=2, visible=False)
def best_student_more(s):
    "best_student with ties, students without scores, nobody with scores"
    cases = [bigger(), {}, {"X": [{"name": "A", "scores": []}]},
             {"X": [{"name": "A", "scores": [50]}], "Y": [{"name": "B", "scores": [40, 60]}]},
             {"X": [{"name": "A", "scores": [1]}], "Y": [{"name": "B", "scores": [2]}]}]
    return [call(s.best_student, c) for c in cases]


@check(weight=3, visible=False)
def add_score_more(s):
    "add_score to other students, to a student without scores, to a missing class or student"
    school = bigger()
    got = [call(s.add_score, school, "8C", "Eli", 70),
           call(s.add_score, school, "9A", "Zoë", 0),
           call(s.add_score, school, "9A", "Zoë", 10),
           call(s.add_score, school, "8D", "Eli", 5),
           call(s.add_score, school, "7Z", "Gus", 5),
           call(s.add_score, school, "9B", "ivy", 5)]
    return [got, school]


@check(weight=2, visible=False)
def all_above_more(s):
    "all_above at the exact boundary, with 0, with a very high minimum"
    return [call(s.all_above, bigger(), m) for m in (0, 49, 50, 85, 88, 101)] + \
           [call(s.all_above, {}, 10)]
