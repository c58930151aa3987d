from labcheck import check, call, mro_names


def state(e):
    names = ("name", "salary", "team", "school")
    return {n: (call(lambda: [x.name for x in e.team]) if n == "team" else call(getattr, e, n))
            for n in names if call(hasattr, e, n) is True}


def spy(s):
    """Wrap Employee.__init__ and Employee.describe so that every call of them is recorded."""
    calls = []
    E = s.Employee
    real_init, real_describe = E.__init__, E.describe

    def init(self, *args, **kwargs):
        calls.append("Employee.__init__ for " + type(self).__name__)
        return real_init(self, *args, **kwargs)

    def describe(self, *args, **kwargs):
        calls.append("Employee.describe for " + type(self).__name__)
        return real_describe(self, *args, **kwargs)

    E.__init__, E.describe = init, describe
    return calls


@check(weight=2)
def example_readme(s):
    "the example of the README"
    mo = call(s.Manager, "Mo", 4000)
    ivy = call(s.Intern, "Ivy", "Oak High")
    return [call(lambda: mo.add(ivy)), call(lambda: mo.describe()), call(lambda: ivy.describe()),
            call(lambda: ivy.raise_salary(10))]


@check(weight=1)
def family_tree(s):
    "Manager and Intern are children of Employee"
    return [mro_names(s.Manager), mro_names(s.Intern)]


@check(weight=3, visible=False)
def both_parts_are_initialised(s):
    "a Manager and an Intern have the parent's attributes and their own ones"
    m = call(s.Manager, "Zoë", 5200)
    i = call(s.Intern, "Kai", "Riverside")
    e = call(s.Employee, "Lu", 1000)
    return [state(m), state(i), state(e)]


@check(weight=3, visible=False)
def parent_methods_really_run(s):
    "creating and describing a Manager and an Intern runs Employee.__init__ and Employee.describe"
    calls = spy(s)
    m = call(s.Manager, "Ann", 3000)
    i = call(s.Intern, "Bo", "Hill School")
    call(lambda: m.describe())
    call(lambda: i.describe())
    return [calls, call(lambda: m.describe()), state(m), state(i)]


@check(weight=3, visible=False)
def more_employees(s):
    "bigger teams, several raises (rounding), raises of managers and interns"
    m = call(s.Manager, "Max", 3333)
    team = [call(s.Employee, "A", 1000), call(s.Intern, "B", "X"), call(s.Manager, "C", 2000)]
    out = []
    for t in team:
        call(lambda: m.add(t))
        out.append(call(lambda: m.describe()))
    out += [call(lambda: m.raise_salary(p)) for p in (0, 10, 3, 50)]
    out += [call(lambda: t.raise_salary(15)) for t in team]
    out += [call(lambda: t.describe()) for t in team]
    out.append(call(lambda: s.Manager("New", 1).describe()))
    return out
