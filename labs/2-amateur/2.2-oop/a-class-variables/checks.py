from labcheck import case, case_call, cases, check, call, type_name

# The cases of one check run in one process, one after the other, and class variables keep
# their values from case to case. So each case (except the very first one of a check, which
# looks at the class as the student wrote it) starts by putting the class variables back to
# what README.md says they start as.


def fresh(s):
    S = s.Student
    S.count = 0
    S.school = "Hillside"
    return S


def attr(obj, name):
    try:
        return getattr(obj, name)
    except Exception as e:
        return {"$raised": type(e).__name__}


def card(st):
    return call(lambda: st.card())


def state(st):
    return [type_name(st), attr(st, "name"), attr(st, "age"), attr(st, "number"), card(st)]


# ---- visible checks: the example of README.md, and the class variables ------------------------


@check(weight=2)
@cases("numbers", "card")
def example_readme(s, what):
    "the example of the README: counting students and changing the school"
    S = fresh(s)
    ada = call(S, "Ada", 14)
    bo = call(S.from_text, "Bo-15")
    if what == "numbers":
        case_call('ada = Student("Ada", 14); bo = Student.from_text("Bo-15"); '
                  "Student.count, ada.number, bo.number")
        return (attr(S, "count"), attr(ada, "number"), attr(bo, "number"))
    call(S.change_school, "Riverside")
    case_call('ada = Student("Ada", 14); bo = Student.from_text("Bo-15"); '
              'Student.change_school("Riverside"); bo.card()')
    return card(bo)


@check(weight=1)
@cases(case("start", about="before any student is created"), "one", "two")
def class_variables(s, when):
    "count and school are shared: the same from the class and from every student"
    if when == "start":
        case_call("Student.count, Student.school")
        return (attr(s.Student, "count"), attr(s.Student, "school"))
    S = fresh(s)
    ada = call(S, "Ada", 14)
    if when == "one":
        case_call('ada = Student("Ada", 14); ada.count, ada.school')
        return (attr(ada, "count"), attr(ada, "school"))
    call(S, "Bo", 15)
    case_call('ada = Student("Ada", 14); bo = Student("Bo", 15); Student.count, ada.count')
    return (attr(S, "count"), attr(ada, "count"))


def kind_of(cls, name):
    """How `name` is written in the class: "classmethod", "staticmethod", "method" (a plain
    def), or "missing"."""
    for c in getattr(cls, "__mro__", ())[:-1]:
        if name in vars(c):
            v = vars(c)[name]
            return type(v).__name__ if isinstance(v, (staticmethod, classmethod)) else \
                ("method" if callable(v) else "not a method")
    return "missing"


@check(weight=1)
@cases("change_school", "from_text")
def class_members(s, name):
    "change_school and from_text are written as class methods"
    case_call(f"how {name} is written (README.md asks for @classmethod)")
    return kind_of(s.Student, name)


# ---- hidden checks -----------------------------------------------------------------------------

FIVE = [("Zoë", 12), ("Eli", 16), ("Mo", 13), "Kai-11", ("Lu", 15)]


def five(s):
    S = fresh(s)
    return S, [call(S.from_text, x) if isinstance(x, str) else call(S, *x) for x in FIVE]


@check(weight=3, visible=False)
@cases(case("count", about="Student.count after five students"),
       case("students", about="name, age, number and card of each of the five"),
       case("first", about="count seen from the first student, after the others came"),
       case("last", about="count seen from the last student"))
def counting_many_students(s, what):
    "count and number with five students, one of them made with from_text"
    S, made = five(s)
    if what == "count":
        return attr(S, "count")
    if what == "students":
        return [state(st) for st in made]
    return attr(made[0] if what == "first" else made[-1], "count")


@check(weight=3, visible=False)
@cases(case("old_and_new", about="a student made before and one made after change_school"),
       case("own_school", about="one student gets a school of their own"),
       case("later_change", about="change_school called on a student, after that"),
       case("class_school", about="the school seen from the class, after all that"))
def school_is_shared(s, what):
    "change_school changes every student; a student's own school hides the class's"
    S = fresh(s)
    a = call(S, "A", 10)
    call(S.change_school, "North")
    b = call(S, "B", 11)
    if what == "old_and_new":
        return [card(a), card(b)]
    call(lambda: setattr(a, "school", "Home school"))
    if what == "own_school":
        return [card(a), card(b), attr(S, "school")]
    call(lambda: b.change_school("South"))
    if what == "later_change":
        return [card(a), card(b), card(call(S, "C", 12))]
    return [attr(S, "school"), attr(b, "school")]


@check(weight=2, visible=False)
@cases(case("Exchange", "Ana-17", about="from_text called on a subclass of Student"),
       ("Student", "Li-9"), case("Student", "Zoë-100", about="a three-digit age"),
       case("Exchange", "Max-13", "count", about="Student.count after students of a subclass"))
def from_text_uses_cls(s, cls, text, observe="student"):
    "from_text with other texts and on a subclass"
    S = fresh(s)

    class Exchange(S):
        school = "Abroad"

    made = call((Exchange if cls == "Exchange" else S).from_text, text)
    if observe == "count":
        call(S.from_text, "Ivy-12")
        return attr(S, "count")
    return state(made)
