import ast

from labcheck import case, case_call, cases, check, call, mro_names, source_text


def attr(obj, name):
    try:
        return getattr(obj, name)
    except Exception as e:
        return {"$raised": type(e).__name__}


def state(e):
    """The attributes of an employee that README.md asks for (team: the names in it)."""
    out = {}
    for n in ("name", "salary", "team", "school"):
        if call(hasattr, e, n) is True:
            out[n] = call(lambda: [x.name for x in e.team]) if n == "team" else attr(e, n)
    return out


def method(obj, name, *args):
    return call(lambda: getattr(obj, name)(*args))


# ---- the construct: super() in the children, read with ast ------------------------------------


def super_call(cls_name, meth):
    """Whether the student's cls_name.meth calls super().meth(...) (read from the code)."""
    case_call(f"the code of {cls_name}.{meth}")
    tree = ast.parse(source_text())
    classes = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls_name]
    if not classes:
        return f"no class {cls_name}"
    fns = [n for n in classes[-1].body if isinstance(n, ast.FunctionDef) and n.name == meth]
    if not fns:
        return f"{cls_name} has no {meth}"
    for n in ast.walk(fns[-1]):
        if (isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == meth
                and isinstance(n.func.value, ast.Call) and isinstance(n.func.value.func, ast.Name)
                and n.func.value.func.id == "super"):
            return f"calls super().{meth}(...)"
    return f"does not call super().{meth}(...)"


# ---- visible checks: the example of README.md ----------------------------------------------------


@check(weight=2, exact_types=True)
@cases("add", "mo", "ivy", "raise")
def example_readme(s, what):
    "the example of the README: a manager with an intern"
    mo = call(s.Manager, "Mo", 4000)
    ivy = call(s.Intern, "Ivy", "Oak High")
    text = ['mo = Manager("Mo", 4000); ivy = Intern("Ivy", "Oak High")', "mo.add(ivy)"]
    added = method(mo, "add", ivy)
    if what == "add":
        case_call("; ".join(text))
        return added
    last = {"mo": "mo.describe()", "ivy": "ivy.describe()", "raise": "ivy.raise_salary(10)"}
    case_call("; ".join(text + [last[what]]))
    if what == "raise":
        return method(ivy, "raise_salary", 10)
    return method(mo if what == "mo" else ivy, "describe")


@check(weight=1)
@cases("Manager", "Intern")
def family_tree(s, cls):
    "Manager and Intern are children of Employee"
    case_call(f"{cls}.__mro__")
    return call(mro_names, getattr(s, cls))


@check(weight=2)
@cases(("Manager", "__init__"), ("Manager", "describe"), ("Intern", "__init__"),
       ("Intern", "describe"))
def uses_super(s, cls, meth):
    "Manager and Intern use super() in __init__ and describe"
    return super_call(cls, meth)


# ---- hidden checks -----------------------------------------------------------------------------


@check(weight=3, visible=False)
@cases(case("Manager", "Zoë", 5200, about="a new Manager"),
       case("Intern", "Kai", "Riverside", about="a new Intern"),
       case("Employee", "Lu", 1000, about="a new Employee"))
def both_parts_are_initialised(s, cls, name, other):
    "a Manager and an Intern have the parent's attributes and their own ones"
    return state(call(getattr(s, cls), name, other))


def spy(s):
    """Wrap Employee.__init__ and Employee.describe once per process so that every call of
    them is recorded; returns the (emptied) list of recorded calls."""
    E = s.Employee
    calls = getattr(E.__init__, "_spy_calls", None)
    if calls is not None:
        calls.clear()
        return calls
    calls = []
    real_init, real_describe = E.__init__, E.describe

    def init(self, *args, **kwargs):
        calls.append("Employee.__init__ for " + type(self).__name__)
        return real_init(self, *args, **kwargs)

    def describe(self, *args, **kwargs):
        calls.append("Employee.describe for " + type(self).__name__)
        return real_describe(self, *args, **kwargs)

    init._spy_calls = calls
    E.__init__, E.describe = init, describe
    return calls


@check(weight=3, visible=False)
@cases(case("new_manager", about="creating a Manager runs Employee.__init__"),
       case("new_intern", about="creating an Intern runs Employee.__init__"),
       case("describe_manager", about="describing a Manager runs Employee.describe"),
       case("describe_intern", about="describing an Intern runs Employee.describe"))
def parent_methods_really_run(s, what):
    "the parent's methods really run for managers and interns"
    calls = call(spy, s)
    if isinstance(calls, dict):
        return calls
    if what == "new_manager":
        return [state(call(s.Manager, "Ann", 3000)), list(calls)]
    if what == "new_intern":
        return [state(call(s.Intern, "Bo", "Hill School")), list(calls)]
    made = call(s.Manager, "Ann", 3000) if what == "describe_manager" else \
        call(s.Intern, "Bo", "Hill School")
    calls.clear()
    return [method(made, "describe"), list(calls)]


def team(s):
    return [call(s.Employee, "A", 1000), call(s.Intern, "B", "X"), call(s.Manager, "C", 2000)]


@check(weight=3, visible=False, exact_types=True)
@cases(case("growing", about="a manager whose team grows one by one"),
       case("raises", about="several raises in a row for a manager (rounding)"),
       case("team_raises", about="a raise for an employee, an intern and a manager"),
       case("after", about="their descriptions after the raises"),
       case("tiny", about="a new manager with a tiny salary"))
def more_employees(s, what):
    "bigger teams, several raises (rounding), raises of managers and interns"
    m = call(s.Manager, "Max", 3333)
    if what == "growing":
        got = []
        for t in team(s):
            method(m, "add", t)
            got.append(method(m, "describe"))
        return got
    if what == "raises":
        return [method(m, "raise_salary", p) for p in (0, 10, 3, 50)]
    if what == "tiny":
        return method(call(s.Manager, "New", 1), "describe")
    members = team(s)
    raised = [method(t, "raise_salary", 15) for t in members]
    if what == "team_raises":
        return raised
    return [method(t, "describe") for t in members]
