from labcheck import check, call, class_shape, type_name


def state(st):
    return [type_name(st), call(lambda: [st.name, st.age, st.number, st.card()])]


@check(weight=2)
def example_readme(s):
    "the example of the README"
    S = s.Student
    ada = call(S, "Ada", 14)
    bo = call(lambda: S.from_text("Bo-15"))
    before = call(lambda: [S.count, ada.number, bo.number])
    changed = call(lambda: S.change_school("Riverside"))
    return [before, changed, call(lambda: bo.card())]


@check(weight=1)
def class_members(s):
    "Student has the class variables count and school and the class methods change_school, from_text"
    shape = class_shape(s.Student)
    return [shape["attributes"], shape["classmethods"]]


@check(weight=3, visible=False)
def counting_many_students(s):
    "count and number with five students; count is on the class, not copied on each student"
    S = s.Student
    students = [call(S, n, a) for n, a in [("Zoë", 12), ("Eli", 16), ("Mo", 13)]]
    students.append(call(lambda: S.from_text("Kai-11")))
    students.append(call(S, "Lu", 15))
    own = [sorted(k for k in call(lambda: vars(st)) if k in ("count", "school")) for st in students]
    return [call(lambda: S.count), [state(st) for st in students], own]


@check(weight=3, visible=False)
def school_is_shared(s):
    "change_school changes every student, old and new; an instance variable hides the class one"
    S = s.Student
    a = call(S, "A", 10)
    call(lambda: S.change_school("North"))
    b = call(S, "B", 11)
    cards = [call(lambda: a.card()), call(lambda: b.card())]
    call(lambda: setattr(a, "school", "Home school"))
    cards += [call(lambda: a.card()), call(lambda: b.card()), call(lambda: S.school)]
    call(lambda: b.change_school("South"))
    cards += [call(lambda: a.card()), call(lambda: b.card()), call(lambda: S.school)]
    return cards


@check(weight=2, visible=False)
def from_text_uses_cls(s):
    "from_text on a subclass of Student gives an object of the subclass; other texts"
    S = s.Student

    class Exchange(S):
        school = "Abroad"

    e = call(lambda: Exchange.from_text("Ana-17"))
    f = call(lambda: S.from_text("Li-9"))
    g = call(lambda: S.from_text("Zoë-100"))
    return [state(e), state(f), state(g), call(lambda: S.count)]
