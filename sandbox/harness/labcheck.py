"""labcheck: the small API that lab authors use in a lab's ``checks.py``.

A check is a function decorated with ``@check(...)``.  It RETURNS AN OBSERVATION: a plain value
(number, string, list, dict, ...) describing what the student's code did.  It never asserts and
never knows the right answer.  The grader (outside the sandbox) compares the observation with
the one the reference solution produced for the same check.  A check is made of one or more
cases (``@cases``); each case is observed, scored and reported on its own.  See labs/README.md.

    from labcheck import check, cases, case, call, run_main

    @check(weight=1)                              # one case, visible
    def example_add(student):                     # first parameter: the student's module
        "add(2, 3) adds two small numbers"
        return call(student.add, 2, 3)            # records the case's call text "add(2, 3)"

    @check(weight=2, visible=False)
    @cases((0, 0), (-1, 1), case(10**20, 1, about="a very big number"))
    def add_more(student, a, b):                  # called once per case, the case's values last
        "add with other numbers"
        return call(student.add, a, b)

    @check(visible=False, timeout_ms=2000)
    def greets_by_name():                         # no parameter: the program is run as __main__
        "greets Ada by her name"
        return run_main(stdin="Ada\\n")

This module is also the harness's runtime: canonical JSON, output capture, stdin, timers, the
display text of values.  It only imports cheap modules at load time, because every grading run
pays for them.
"""

import builtins
import io
import os
import sys

try:  # the C accelerator of the json module, without importing json (and re) itself
    from _json import encode_basestring_ascii as _enc_str
    from _json import make_encoder as _make_encoder
    from _json import make_scanner as _make_scanner
except ImportError:  # pragma: no cover - every CPython build has _json
    _make_encoder = None

__all__ = [
    "check", "cases", "case", "case_call", "call", "raises", "run", "run_main", "tidy",
    "approx", "type_name", "class_shape", "mro_names", "files_in_workdir", "read_file",
    "write_file", "lab_path", "source_text", "source_has_comment", "canonical", "normalize",
    "StudentCodeError", "import_student_as",
]

# --------------------------------------------------------------------------------------------
# Limits shared by harness and checks
# --------------------------------------------------------------------------------------------

MAX_DEPTH = 64                 # nesting of an observation
MAX_OBSERVATION = 256 * 1024   # bytes of canonical JSON for the observations of one check
MAX_CASES = 200                # cases of one check
TAIL_CHARS = 2000              # stdout_tail / stderr_tail, marker included
SHOWN_CHARS = 300              # shown values and call texts are cut here (plus the marker)
ABOUT_CHARS = 200              # a description or a case's about
ERROR_CHARS = 500              # "TypeError: ..."
WHERE_CHARS = 300              # "line 4, in add: return a + b"
FLOAT_DIGITS = 9               # significant digits kept by float canonicalisation
REPR_SECONDS = 0.1             # time one student __repr__ may take while a value is shown

# --------------------------------------------------------------------------------------------
# Check registry
# --------------------------------------------------------------------------------------------


class Case:
    """One row of @cases: the values appended to the check function's arguments."""
    __slots__ = ("args", "about")

    def __init__(self, args, about):
        self.args = args
        self.about = about


class Check:
    __slots__ = ("name", "fn", "weight", "visible", "timeout_ms", "description", "wants_module",
                 "rows", "exact_types", "places", "exceptions")

    def __init__(self, name, fn, weight, visible, timeout_ms, description, wants_module,
                 rows=None, exact_types=False, places=None, exceptions="type"):
        self.name = name
        self.fn = fn
        self.weight = weight
        self.visible = visible
        self.timeout_ms = timeout_ms
        self.description = description
        self.wants_module = wants_module
        self.rows = rows if rows is not None else [Case((), "")]
        self.exact_types = exact_types
        self.places = places
        self.exceptions = exceptions

    def info(self):
        return {"kind": "check_info", "name": self.name, "weight": self.weight,
                "visible": self.visible, "timeout_ms": self.timeout_ms,
                "description": self.description}


_CHECKS = []
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


class LabDefinitionError(Exception):
    """checks.py is wrong (an author's mistake, never a student's)."""


def _one_line(text, what, nm):
    if not isinstance(text, str):
        raise LabDefinitionError(f"check {nm}: {what} must be a string")
    text = " ".join(text.split())
    if len(text) > ABOUT_CHARS:
        raise LabDefinitionError(f"check {nm}: {what} is longer than {ABOUT_CHARS} characters")
    return text


def _takes_module(f, rows, nm):
    """Whether f receives the student's module before each case's values (True), or only the
    values (False).  Every row must fit f's parameters one way or the other."""
    co = f.__code__
    most = None if co.co_flags & 0x04 else co.co_argcount          # 0x04: *args
    least = co.co_argcount - len(f.__defaults__ or ())
    if co.co_kwonlyargcount > len(f.__kwdefaults__ or {}):
        raise LabDefinitionError(f"check {nm}: keyword-only parameters need default values")

    def fits(k):
        return least <= k and (most is None or k <= most)

    for module in (True, False):
        if all(fits(len(r.args) + module) for r in rows):
            return module
    if len(rows) == 1 and not rows[0].args:
        raise LabDefinitionError(f"check {nm}: takes 0 parameters or 1 (the student module)")
    module = sum(fits(len(r.args) + 1) for r in rows) >= sum(fits(len(r.args)) for r in rows)
    bad = next(i for i, r in enumerate(rows, 1) if not fits(len(r.args) + module))
    raise LabDefinitionError(
        f"check {nm}: case {bad} has {len(rows[bad - 1].args)} value(s), but the function takes "
        f"{co.co_argcount} parameter(s): the student module (optional) and then one "
        "parameter per value of a case")


def _register(nm, f, weight, visible, timeout_ms, description, exact_types, places, exceptions):
    if (not isinstance(nm, str) or not 1 <= len(nm) <= 64 or not set(nm) <= _NAME_CHARS):
        raise LabDefinitionError(f"check name {nm!r}: use 1-64 characters a-z 0-9 _")
    if any(c.name == nm for c in _CHECKS):
        raise LabDefinitionError(f"check name {nm!r} is used twice")
    if type(weight) is not int or not 0 <= weight <= 100:
        raise LabDefinitionError(f"check {nm}: weight must be an int 0..100")
    if type(visible) is not bool:
        raise LabDefinitionError(f"check {nm}: visible must be True or False")
    if type(timeout_ms) is not int or not 10 <= timeout_ms <= 60000:
        raise LabDefinitionError(f"check {nm}: timeout_ms must be an int 10..60000")
    if type(exact_types) is not bool:
        raise LabDefinitionError(f"check {nm}: exact_types must be True or False")
    if places is not None and (type(places) is not int or not 0 <= places <= 15):
        raise LabDefinitionError(f"check {nm}: places must be None or an int 0..15")
    if exceptions not in ("type", "message"):
        raise LabDefinitionError(f'check {nm}: exceptions must be "type" or "message"')
    if not callable(f) or not hasattr(f, "__code__"):
        raise LabDefinitionError(f"check {nm}: @check decorates a function")
    if description is None:
        doc = (f.__doc__ or "").strip()
        description = doc.splitlines()[0] if doc else nm.replace("_", " ")
    description = _one_line(description, "description", nm)
    rows = getattr(f, "_lab_cases", None) or [Case((), "")]
    chk = Check(nm, f, weight, visible, timeout_ms, description, _takes_module(f, rows, nm),
                rows, exact_types, places, exceptions)
    _CHECKS.append(chk)
    return chk


def check(fn=None, *, weight=1, visible=True, timeout_ms=1000, name=None, description=None,
          exact_types=False, places=None, exceptions="type"):
    """Register a check.

    weight       int 0..100, share of the lab's points (points are split by weight; inside a
                 check, equally between its cases).
    visible      True: an example; for a failed case the student sees the call, the expected
                 value and their own.  False: hidden; the student sees only which case failed
                 (its `about`) and the error their code raised, if any.
    timeout_ms   wall-clock budget for the whole check, all its cases and importing the
                 student's file included (10..60000).
    name         defaults to the function name; [a-z0-9_], at most 64 chars, unique.
    description  one line for the student; defaults to the docstring's first line.
    exact_types  False: 3 and 3.0 are the same observation.  True: they differ.
    places       None: floats keep 9 significant digits.  An int: floats are rounded to that
                 many decimals before they are compared.
    exceptions   "type": an exception caught by call() is observed by its type only.
                 "message": its message is compared as well.

    Without @cases the function takes either no parameter (use run()/run_main() to run the
    program) or one parameter, which receives the student's file imported as a module.  With
    @cases, the values of each case follow (see cases()).
    """
    def register(f):
        _register(name if name is not None else getattr(f, "__name__", None), f, weight,
                  visible, timeout_ms, description, exact_types, places, exceptions)
        return f

    if fn is not None:            # bare @check
        if not callable(fn):
            raise LabDefinitionError("use @check or @check(weight=..., ...)")
        return register(fn)
    return register


def case(*args, about=""):
    """One case of @cases with its own description for students, e.g.
    case(0, 5, about="no pizzas at all").  The about is shown for hidden checks too."""
    return Case(args, _one_line(about, "a case's about", "?"))


def cases(*rows):
    """Run the check once per row, in order, in the same process.

    A row is a tuple of values (appended to the check function's arguments), any other value
    (passed as one argument), or case(..., about="...").  At most 200 rows.  Write @cases
    below @check."""
    if not rows:
        raise LabDefinitionError("@cases needs at least one case")
    if len(rows) > MAX_CASES:
        raise LabDefinitionError(f"@cases: at most {MAX_CASES} cases in one check")
    norm = []
    for r in rows:
        if isinstance(r, Case):
            norm.append(r)
        elif type(r) is tuple:
            norm.append(Case(r, ""))
        else:
            norm.append(Case((r,), ""))

    def attach(f):
        if not callable(f) or not hasattr(f, "__code__"):
            raise LabDefinitionError("@cases decorates a check function")
        for c in _CHECKS:                  # written above @check: the check exists already
            if c.fn is f:
                c.wants_module = _takes_module(f, norm, c.name)
                c.rows = norm
        f._lab_cases = norm
        return f
    return attach


# --------------------------------------------------------------------------------------------
# Canonical JSON
# --------------------------------------------------------------------------------------------


class ObservationError(Exception):
    """The check returned something that cannot be turned into an observation."""


_INF = float("inf")


def _norm_float(x, exact, places):
    if x != x:
        return {"$float": "nan"}
    if x == _INF:
        return {"$float": "inf"}
    if x == -_INF:
        return {"$float": "-inf"}
    if places is None:
        x = float(format(x, ".%dg" % FLOAT_DIGITS))
    else:
        x = round(x, places)
    if x == 0.0:
        x = 0.0                          # -0.0 and 0.0 are the same observation
    if not exact and x.is_integer():
        return int(x)                    # 3.0 is observed as 3
    return x


def _canon_key(v):
    return dumps(v)


def normalize(v, exact_types=False, places=None, _depth=0):
    """Turn a value into the JSON-able value that is observed (labs/README.md, "How values are
    compared").

    None/bool/int/str stay; float -> 9 significant digits (or `places` decimals), then an int
    when integral unless exact_types (nan/inf -> {"$float": "nan"|"inf"|"-inf"}); list -> list;
    tuple (and named tuples) -> {"$tuple": [...]}; set/frozenset -> {"$set": [...]} sorted by
    canonical JSON; dict with only str keys -> dict; any other dict -> {"$dict": [[k, v], ...]}
    sorted by key; bytes -> {"$bytes": hex}; anything else -> {"$object": "TypeName"}.
    Only base-type methods are used, so no student code runs here.
    """
    return _norm(v, _depth, exact_types, places)


def _norm(v, depth, exact, places):
    if depth > MAX_DEPTH:
        raise ObservationError(f"the value is nested more than {MAX_DEPTH} levels deep")
    t = type(v)
    if v is None or t is bool or t is str or t is int:
        return v
    if t is float:
        return _norm_float(v, exact, places)
    d = depth + 1
    if t is list:
        return [_norm(x, d, exact, places) for x in v]
    if t is tuple:
        return {"$tuple": [_norm(x, d, exact, places) for x in v]}
    if t is dict:
        return _norm_dict(v, d, exact, places)
    if t is set or t is frozenset:
        return {"$set": sorted((_norm(x, d, exact, places) for x in v), key=_canon_key)}
    # subclasses: read them through the base type, never through their own methods
    if isinstance(v, int):
        return int.__pos__(v)
    if isinstance(v, float):
        return _norm_float(float.__pos__(v), exact, places)
    if isinstance(v, str):
        return str.__str__(v)
    if isinstance(v, list):
        return [_norm(x, d, exact, places) for x in list.__iter__(v)]
    if isinstance(v, tuple):
        return {"$tuple": [_norm(x, d, exact, places) for x in tuple.__iter__(v)]}
    if isinstance(v, dict):
        return _norm_dict(v, d, exact, places)
    if isinstance(v, (set, frozenset)):
        it = set.__iter__(v) if isinstance(v, set) else frozenset.__iter__(v)
        return {"$set": sorted((_norm(x, d, exact, places) for x in it), key=_canon_key)}
    if isinstance(v, (bytes, bytearray)):
        return {"$bytes": bytes(v).hex()}
    return {"$object": type.__dict__["__qualname__"].__get__(t)}


def _norm_dict(v, d, exact, places):
    items = list(dict.items(v))
    if all(type(k) is str for k, _ in items):
        return {k: _norm(x, d, exact, places) for k, x in items}
    pairs = [[_norm(k, d, exact, places), _norm(x, d, exact, places)] for k, x in items]
    pairs.sort(key=lambda p: _canon_key(p[0]))
    return {"$dict": pairs}


def _no_default(o):
    raise ObservationError(f"cannot encode {type(o).__name__}")


if _make_encoder is not None:
    _encoder = _make_encoder(None, _no_default, _enc_str, None, ":", ",", True, False, False)

    def dumps(v):
        """json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=True,
        allow_nan=False) for an already normalized value."""
        return "".join(_encoder(v, 0))

    class _ScanContext:
        strict = True
        object_hook = None
        object_pairs_hook = None
        parse_float = float
        parse_int = int
        memo = None

        @staticmethod
        def parse_constant(name):
            raise ValueError("NaN/Infinity are not valid here")

    _scanner = _make_scanner(_ScanContext())

    def loads(s):
        """Strict JSON parse of a whole string (no NaN/Infinity)."""
        try:
            value, end = _scanner(s, 0)
        except StopIteration:
            raise ValueError("not JSON") from None
        if end != len(s):
            raise ValueError("trailing data after JSON value")
        return value
else:  # pragma: no cover
    import json as _json_mod

    def dumps(v):
        return _json_mod.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=True,
                               allow_nan=False, default=_no_default)

    def loads(s):
        def bad(name):
            raise ValueError("NaN/Infinity are not valid here")
        return _json_mod.loads(s, parse_constant=bad)


def canonical(v, exact_types=False, places=None):
    """The canonical JSON text of an observation (what the grader compares byte for byte)."""
    return dumps(normalize(v, exact_types, places))


# --------------------------------------------------------------------------------------------
# --------------------------------------------------------------------------------------------
# Runtime state of one check (set up by the harness in the check's own process)
# --------------------------------------------------------------------------------------------


class OutputLimitExceeded(BaseException):
    """The student's code printed more than the lab allows (BaseException: `except Exception`
    in student code does not swallow it)."""


class CheckTimeout(BaseException):
    """The check's time is up."""


class StudentCodeError(Exception):
    """Raised by run_main() when the student's program crashed; carries the original."""


class _Runtime:
    code = None              # compiled student code object
    student_path = ""        # absolute path of the student's file
    student_source = ""      # its text (for tracebacks)
    student_files = ()       # paths the student's code runs from (import_student_as adds one)
    lab_dir = ""
    output_limit = 64 * 1024
    used = 0                 # bytes of output captured so far in this check
    module = None            # the imported `student` module
    prompts = None           # list of input() prompts seen
    echo_prompts = False     # run(prompts=True): input() prompts are printed
    exceptions = "type"      # the running check's `exceptions` option
    # the running case
    calls = None             # call texts recorded so far (while they are short enough)
    calls_len = 0            # their joined length, counting the ones not kept
    call_text = None         # set by case_call()
    case_error = ""          # the first error call() caught in this case
    case_where = ""
    outputs = None           # texts printed by run()/run_main() in this case


_rt = _Runtime()


def _begin_case():
    _rt.calls = []
    _rt.calls_len = 0
    _rt.call_text = None
    _rt.case_error = ""
    _rt.case_where = ""
    _rt.outputs = []


def _record_call(make_text):
    """Add a call to the running case's call text; make_text() is only called when needed."""
    if _rt.call_text is not None or _rt.calls is None:
        return
    text = make_text()
    if _rt.calls:
        _rt.calls_len += 2                  # "; "
    _rt.calls_len += len(text)
    if _rt.calls_len - len(text) <= SHOWN_CHARS:
        _rt.calls.append(text)


def _case_call_text():
    if _rt.call_text is not None:
        return cut(_rt.call_text)
    if not _rt.calls:
        return ""
    text = "; ".join(_rt.calls)
    if _rt.calls_len <= SHOWN_CHARS:
        return text
    return text[:SHOWN_CHARS] + more_marker(_rt.calls_len - SHOWN_CHARS)


def _is_output(value):
    for o in _rt.outputs or ():
        if value is o or value == o:
            return True
    return False


def case_call(text):
    """Set the running case's call text explicitly (shown to students for visible checks),
    instead of the calls recorded by call(), raises() and run()."""
    _rt.call_text = str(text)


class _CappedBytes(io.BytesIO):
    """Collects what the student prints, up to the lab's output limit."""

    def write(self, b):
        n = len(b)
        room = _rt.output_limit - _rt.used
        if n > room:
            if room > 0:
                io.BytesIO.write(self, bytes(b[:room]))
                _rt.used += room
            raise OutputLimitExceeded(
                f"your program printed more than {_rt.output_limit // 1024} KB")
        _rt.used += n
        return io.BytesIO.write(self, b)

    def close(self):      # keep the text readable even if the student closes sys.stdout
        pass


def _text_sink():
    return io.TextIOWrapper(_CappedBytes(), encoding="utf-8", errors="backslashreplace",
                            newline="\n", write_through=True)


def _sink_text(sink):
    try:
        sink.flush()
    except BaseException:
        pass
    return io.BytesIO.getvalue(sink.buffer).decode("utf-8", "replace")


def _stdin_for(text):
    if isinstance(text, str):
        text = text.encode("utf-8")
    return io.TextIOWrapper(io.BytesIO(text), encoding="utf-8", newline=None)


def _input(prompt=""):
    """Replacement for input(): reads sys.stdin; the prompt is remembered, not printed,
    so students may write any prompt they like."""
    if _rt.prompts is not None:
        _rt.prompts.append(str(prompt))
    if _rt.echo_prompts:
        sys.stdout.write(str(prompt))
    try:
        sys.stdout.flush()
    except Exception:
        pass
    line = sys.stdin.readline()
    if not line:
        raise EOFError("EOF when reading a line")
    if line.endswith("\n"):
        line = line[:-1]
    return line


def _fresh_module(name):
    mod = type(sys)(name)
    mod.__file__ = _rt.student_path
    mod.__builtins__ = builtins
    return mod


def _exec_student(mod):
    exec(_rt.code, mod.__dict__)


# --------------------------------------------------------------------------------------------
# Helpers for check authors
# --------------------------------------------------------------------------------------------


class _Raised(dict):
    """What call() returns when the student's code raised: observed as {"$raised": "Name"}."""
    __slots__ = ()


class _RunResult(dict):
    """What run() returns: observed as a plain dict; the exception is kept aside."""
    __slots__ = ("exc",)


def call(fn, *args, **kwargs):
    """fn(*args, **kwargs), and the case's call text records "fn(args...)".

    If the student's code raises an exception, the observation is {"$raised": "TypeName"}
    (plus "message" when the check has exceptions="message") and the case records the error
    and the line of the student's file where it happened."""
    _record_call(lambda: call_text(fn, args, kwargs))
    try:
        return fn(*args, **kwargs)
    except Exception as e:
        _report_traceback(e)
        if not _rt.case_error:
            _rt.case_error = describe_exception(e)
            _rt.case_where = student_where(e)
        r = _Raised()
        dict.__setitem__(r, "$raised", type(e).__name__)
        if _rt.exceptions == "message":
            dict.__setitem__(r, "message", _exception_message(e))
        return r


def raises(fn, *args, **kwargs):
    """The name of the exception type fn(*args, **kwargs) raises, or None if it returns."""
    _record_call(lambda: call_text(fn, args, kwargs))
    try:
        fn(*args, **kwargs)
    except Exception as e:
        return type(e).__name__
    return None


def _run_text(stdin, argv):
    if isinstance(stdin, (str, bytes)) and stdin:
        text = "run with input " + show(stdin)[0]
    else:
        text = "run with no input"
    if argv:
        text += " and arguments " + show([str(a) for a in argv])[0]
    return text


def run(stdin="", argv=(), prompts=False):
    """Run the student's file as a program (__name__ == "__main__") in a fresh namespace.

    stdin   text the program reads (input(), sys.stdin.read(), ...).
    argv    extra command-line arguments (sys.argv[1:]).
    prompts False: what is passed to input("...") is not part of stdout (students may
            choose their own prompt).  True: prompts are printed like in a terminal.
    Returns {"stdout": str, "exit_code": int, "exception": "TypeName" or None}.
    sys.exit(n) is a normal end with exit_code n.  The case's call text records
    "run with input '...'".
    """
    _record_call(lambda: _run_text(stdin, argv))
    saved = (sys.stdin, sys.stdout, sys.argv, sys.modules.get("__main__"), _rt.echo_prompts)
    outer = sys.stdout
    sink = _text_sink()
    sys.stdin = _stdin_for(stdin)
    sys.stdout = sink
    sys.argv = [_rt.student_path] + [str(a) for a in argv]
    _rt.echo_prompts = bool(prompts)
    mod = _fresh_module("__main__")
    sys.modules["__main__"] = mod
    exit_code, exc = 0, None
    try:
        _exec_student(mod)
    except SystemExit as e:
        c = e.code
        if c is None:
            exit_code = 0
        elif type(c) is int:
            exit_code = c
        else:
            exit_code = 1
            try:
                sys.stderr.write(str(c) + "\n")
            except Exception:
                pass
    except (OutputLimitExceeded, CheckTimeout):
        raise
    except BaseException as e:          # KeyboardInterrupt raised by the student is a crash too
        exc = e
        _report_traceback(e)
    finally:
        text = _sink_text(sink)
        sys.stdin, sys.stdout, sys.argv, main, _rt.echo_prompts = saved
        if main is not None:
            sys.modules["__main__"] = main
        try:
            outer.write(text)           # also shown to the student as stdout_tail
        except Exception:
            pass
    if _rt.outputs is not None:
        _rt.outputs.append(text)
    result = _RunResult(stdout=text, exit_code=exit_code,
                        exception=type(exc).__name__ if exc is not None else None)
    result.exc = exc
    return result


def run_main(stdin="", argv=(), exact=False, prompts=False):
    """What the student's program prints for the given stdin (see run()).

    exact=False (default): spaces at the end of each line and empty lines at the end are
    ignored, because they are invisible to a beginner.  exact=True keeps every character.
    If the program crashes, the case fails with the program's own error message.
    """
    r = run(stdin=stdin, argv=argv, prompts=prompts)
    if r.exc is not None:
        raise StudentCodeError(r.exc)
    text = r["stdout"] if exact else tidy(r["stdout"])
    if _rt.outputs is not None:
        _rt.outputs.append(text)
    return text


def tidy(text):
    """Remove trailing spaces on every line and trailing empty lines; "\\r\\n" -> "\\n"."""
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def approx(value, places=2):
    """Round every float inside value to `places` decimal places (for results where only a
    few decimals matter, e.g. money).  Containers keep their type; other values are returned
    unchanged.  (@check(places=N) does this for a whole check.)"""
    t = type(value)
    if t is float:
        return round(value, places)
    if t is list:
        return [approx(v, places) for v in value]
    if t is tuple:
        return tuple(approx(v, places) for v in value)
    if t is dict:
        return {k: approx(v, places) for k, v in value.items()}
    if t is set or t is frozenset:
        return t(approx(v, places) for v in value)
    return value


def type_name(value):
    """type(value).__name__, e.g. to observe that a function returns a tuple, not a list.
    When `value` is what call() observed for a student error, that observation is returned
    unchanged (the student's code raised; there is no value whose type could be named)."""
    if type(value) is _Raised:
        return value
    return type(value).__name__


def mro_names(cls):
    """Names of the classes in cls.__mro__ (without object)."""
    return [c.__name__ for c in cls.__mro__ if c is not object]


def class_shape(cls):
    """A description of a class: its name, bases, MRO and the public members it defines itself,
    grouped as methods, classmethods, staticmethods, properties and attributes."""
    if not isinstance(cls, type):
        return {"$raised": "NotAClass"}
    own = dict(type.__dict__["__dict__"].__get__(cls))
    shape = {"name": cls.__name__, "bases": [b.__name__ for b in cls.__bases__],
             "mro": mro_names(cls), "methods": [], "classmethods": [], "staticmethods": [],
             "properties": [], "attributes": []}
    for k, v in own.items():
        if k.startswith("_") and not (k.startswith("__") and k.endswith("__") and callable(v)):
            continue
        if k in ("__dict__", "__weakref__", "__module__", "__qualname__", "__doc__"):
            continue
        if isinstance(v, classmethod):
            shape["classmethods"].append(k)
        elif isinstance(v, staticmethod):
            shape["staticmethods"].append(k)
        elif isinstance(v, property):
            shape["properties"].append(k)
        elif callable(v):
            shape["methods"].append(k)
        else:
            shape["attributes"].append(k)
    for k in ("methods", "classmethods", "staticmethods", "properties", "attributes"):
        shape[k].sort()
    return shape


def files_in_workdir():
    """Sorted relative paths of the files in the check's own working directory (each check
    starts in a fresh, empty directory)."""
    out = []
    for root, dirs, files in os.walk("."):
        dirs.sort()
        for f in files:
            p = os.path.join(root, f)[2:]
            if p != os.path.basename(_rt.student_path) or root != ".":
                out.append(p)
    return sorted(out)


def read_file(path, limit=65536):
    """Text of a file the student's program wrote (None if it does not exist)."""
    try:
        with open(path, "rb") as f:
            return f.read(limit).decode("utf-8", "replace")
    except FileNotFoundError:
        return None


def write_file(path, text):
    """Create a file in the check's working directory before calling the student's code."""
    d = os.path.dirname(path)
    if d:
        os.makedirs(d, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def lab_path(name):
    """Absolute path of a data file shipped in the lab directory (read-only)."""
    return os.path.join(_rt.lab_dir, name)


def import_student_as(name, package_init=False):
    """Import the student's file as the module `name`, placed in the check's working directory,
    so that it can live inside a package and use relative imports (`from . import shapes`).

    name          a dotted module name.  "shop.cart": the student's source is written to
                  shop/cart.py and run as the module shop.cart (the package shop/, with the
                  __init__.py and sibling modules the check wrote with write_file(), is imported
                  first).  "tools": a top-level module tools.py.
    package_init  True: the student's file is the package's __init__.py ("shop" ->
                  shop/__init__.py, run as the package shop itself).

    The working directory is put at the front of sys.path and no .pyc files are written.
    Returns the module.  If the student's code raises, the check fails with the student's
    error, like run_main(); sys.exit() while loading keeps what was defined so far.
    """
    import importlib
    import importlib.machinery
    parts = str(name).split(".")
    if not all(p.isidentifier() for p in parts):
        raise LabDefinitionError(f"import_student_as: {name!r} is not a dotted module name")
    name = ".".join(parts)
    cwd = os.getcwd()
    sys.dont_write_bytecode = True
    if cwd not in sys.path:
        sys.path.insert(0, cwd)
    importlib.invalidate_caches()
    if package_init:
        directory = os.path.join(cwd, *parts)
        path = os.path.join(directory, "__init__.py")
        parent = ".".join(parts[:-1])
        package = name
    else:
        directory = os.path.join(cwd, *parts[:-1])
        path = os.path.join(directory, parts[-1] + ".py")
        parent = package = ".".join(parts[:-1])
    os.makedirs(directory, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(_rt.student_source)
    _rt.student_files = tuple(_rt.student_files) + (path,)
    if parent:
        importlib.import_module(parent)
    mod = type(sys)(name)
    mod.__file__ = path
    mod.__builtins__ = builtins
    mod.__package__ = package
    mod.__spec__ = importlib.machinery.ModuleSpec(name, None, origin=path,
                                                  is_package=bool(package_init))
    if package_init:
        mod.__path__ = [directory]
        mod.__spec__.submodule_search_locations = [directory]
    mod.__spec__.has_location = True
    sys.modules[name] = mod
    if parent:
        setattr(sys.modules[parent], parts[-1], mod)
    try:
        _exec_student(mod)
    except SystemExit:
        pass
    except (OutputLimitExceeded, CheckTimeout):
        raise
    except BaseException as e:
        sys.modules.pop(name, None)
        _report_traceback(e)
        raise StudentCodeError(e) from None
    return mod


def source_text():
    """The student's source code as text (to observe properties of the code itself)."""
    return _rt.student_source


def source_has_comment():
    """True if the student's file has at least one # comment (not counting a #! line)."""
    import tokenize
    rd = io.StringIO(_rt.student_source).readline
    try:
        for tok in tokenize.generate_tokens(rd):
            if tok.type == tokenize.COMMENT and not (tok.start[0] == 1 and tok.string.startswith("#!")):
                return True
    except (tokenize.TokenError, SyntaxError):
        pass
    return False


# --------------------------------------------------------------------------------------------
# --------------------------------------------------------------------------------------------
# Display: what students see of a value (never compared)
# --------------------------------------------------------------------------------------------


def more_marker(n):
    """The marker at a cut: "… 1,234 more characters"."""
    return f"\u2026 {n:,} more characters"


def cut(text, limit=SHOWN_CHARS):
    """text, cut after `limit` characters with the marker."""
    if len(text) <= limit:
        return text
    return text[:limit] + more_marker(len(text) - limit)


def tail_text(text, limit=TAIL_CHARS):
    """The end of text in at most `limit` characters, starting with the marker when cut."""
    if len(text) <= limit:
        return text
    keep = limit - len(more_marker(len(text))) - 1
    return more_marker(len(text) - keep) + "\n" + text[len(text) - keep:]


def _class_attr(t, name):
    """name looked up in the class dicts of t's MRO, without running any of t's code."""
    try:
        for c in type.__dict__["__mro__"].__get__(t):
            d = type.__dict__["__dict__"].__get__(c)
            if name in d:
                return d[name]
    except Exception:
        pass
    return None


def _type_name(t):
    return type.__dict__["__name__"].__get__(t)


def _guarded_repr(v):
    """repr(v) for a value that may run student code: a __repr__ that raises, recurses or
    loops gives None (it gets REPR_SECONDS when the check's timer is running)."""
    import _signal
    try:
        left = _signal.getitimer(_signal.ITIMER_REAL)[0]
    except Exception:
        left = 0.0
    short = left > REPR_SECONDS
    if short:
        import time
        t0 = time.monotonic()
        _signal.setitimer(_signal.ITIMER_REAL, REPR_SECONDS)
    r = None
    try:
        try:
            r = repr(v)
            if type(r) is not str:
                r = str.__str__(r) if isinstance(r, str) else None
        except CheckTimeout:
            if not short:
                raise                    # the check's own time is up
        except BaseException:
            r = None
    finally:
        if short:
            _signal.setitimer(_signal.ITIMER_REAL,
                              max(left - (time.monotonic() - t0), 0.001))
    return r


class _Shower:
    """Builds the repr of a value up to a limit, then only counts the characters that follow.
    Plain values and containers are written by this code (no student code runs); an object
    of another class goes through _guarded_repr(), and only while the text is short."""

    def __init__(self, limit):
        self.parts = []
        self.n = 0
        self.limit = limit
        self.foreign_ok = True

    def put(self, s):
        if self.n < self.limit:
            self.parts.append(s)
        self.n += len(s)

    def text(self):
        s = "".join(self.parts)
        if self.n <= self.limit:
            return s
        return s[:self.limit] + more_marker(self.n - self.limit)

    def placeholder(self, v):
        return "<" + _type_name(type(v)) + " object>"

    def foreign(self, v):
        if _class_attr(type(v), "__repr__") is object.__repr__:
            return self.placeholder(v)      # the default repr: no address, no student code
        if self.foreign_ok:
            r = _guarded_repr(v)
            if r is not None:
                return r
            self.foreign_ok = False         # one bad __repr__ is enough
        return self.placeholder(v)

    def measure(self, seq, inner, per_item=0):
        """Count the characters of the items of seq that are past the limit: repr(list)
        without its brackets (inner=0), dict entries (inner=-2 per item)."""
        if not seq:
            return
        r = _guarded_repr(list(seq)) if self.foreign_ok else None
        if r is None:
            self.n += 4 * len(seq)
        else:
            self.n += len(r) - 2 + (inner + per_item) * len(seq)

    def walk(self, v, depth=0):
        t = type(v)
        if v is None or t is bool or t is int or t is float or t is str or t is bytes:
            self.put(repr(v))           # exact built-in types: no student code runs
            return
        if t is _Raised:
            name = dict.get(v, "$raised")
            msg = dict.get(v, "message")
            text = "raises " + str(name) + (": " + str(msg) if msg else "")
            self.put(text if depth == 0 else "<" + text + ">")
            return
        if self.n >= self.limit or depth > 40:
            r = self.foreign(v) if not isinstance(v, (list, tuple, dict, set, frozenset)) \
                else (_guarded_repr(v) if self.foreign_ok else None)
            self.n += len(r) if r is not None else 8
            return
        if isinstance(v, bool):
            self.put(repr(bool(v)))
        elif isinstance(v, int):
            self.put(int.__repr__(v))
        elif isinstance(v, float):
            self.put(float.__repr__(v))
        elif isinstance(v, str):
            self.put(str.__repr__(v))
        elif isinstance(v, (bytes, bytearray)):
            self.put(repr(bytes(v)))
        elif isinstance(v, list):
            self.items(list(list.__iter__(v)), "[", "]", depth)
        elif isinstance(v, tuple):
            items = list(tuple.__iter__(v))
            fields = _class_attr(t, "_fields")
            if (type(fields) is tuple and len(fields) == len(items)
                    and all(type(f) is str for f in fields)):
                self.items(items, _type_name(t) + "(", ")", depth, fields)
            else:
                self.items(items, "(", ",)" if len(items) == 1 else ")", depth)
        elif isinstance(v, (set, frozenset)):
            items = list(set.__iter__(v) if isinstance(v, set) else frozenset.__iter__(v))
            if isinstance(v, set):
                open_, close = ("{", "}") if items else ("set(", ")")
            else:
                open_, close = ("frozenset({", "})") if items else ("frozenset(", ")")
            self.items(items, open_, close, depth)
        elif isinstance(v, dict):
            self.put("{")
            pairs = list(dict.items(v))
            for i, (k, x) in enumerate(pairs):
                if i:
                    self.put(", ")
                if self.n >= self.limit:
                    self.measure(pairs[i:], -2)
                    break
                self.walk(k, depth + 1)
                self.put(": ")
                self.walk(x, depth + 1)
            self.put("}")
        else:
            self.put(self.foreign(v))

    def items(self, items, open_, close, depth, fields=None):
        self.put(open_)
        for i, x in enumerate(items):
            if i:
                self.put(", ")
            if self.n >= self.limit:
                extra = sum(len(f) + 1 for f in fields[i:]) if fields else 0
                self.measure(items[i:], 0)
                self.n += extra
                break
            if fields:
                self.put(fields[i] + "=")
            self.walk(x, depth + 1)
        self.put(close)


def show(value):
    """(text, "value" or "output"): how a case's value is shown to students.  Text printed by
    the student's program (the value of run_main(), or run()["stdout"]) is shown as it is;
    any other value as its repr.  Cut after SHOWN_CHARS characters with the marker."""
    if type(value) is str and _is_output(value):
        return cut(value), "output"
    s = _Shower(SHOWN_CHARS)
    s.walk(value)
    return s.text(), "value"


def _fn_name(fn):
    if isinstance(fn, type):
        return _type_name(fn)
    t = type(fn)
    if t in (_FunctionType, _MethodType, _BuiltinType):
        return fn.__name__
    try:
        name = getattr(fn, "__name__", None)     # may run the student's __getattr__
    except BaseException:
        name = None
    return name if type(name) is str else _type_name(t)


def _plain_function():
    pass


class _AnyClass:
    def method(self):
        pass


_FunctionType = type(_plain_function)
_MethodType = type(_AnyClass().method)
_BuiltinType = type(len)


def call_text(fn, args, kwargs):
    """ "fn(1, 'a', key=True)": how a call is shown to students."""
    parts = [show(a)[0] for a in args]
    parts += [f"{k}={show(v)[0]}" for k, v in kwargs.items()]
    return _fn_name(fn) + "(" + ", ".join(parts) + ")"


# --------------------------------------------------------------------------------------------
# Tracebacks and errors that only show the student's own lines
# --------------------------------------------------------------------------------------------


def _report_traceback(exc):
    """Write a short traceback of exc (student frames only) to sys.stderr."""
    try:
        sys.stderr.write(format_student_traceback(exc))
    except BaseException:
        pass


def _source_line(n):
    src = _rt.student_source.splitlines()
    return src[n - 1].strip() if 0 < n <= len(src) else ""


def _is_student_file(path):
    return path == _rt.student_path or path in _rt.student_files


def format_student_traceback(exc):
    lines = []
    shown = os.path.basename(_rt.student_path)
    tb = exc.__traceback__
    while tb is not None:
        co = tb.tb_frame.f_code
        if _is_student_file(co.co_filename):
            n = tb.tb_lineno
            where = "" if co.co_name == "<module>" else f", in {co.co_name}"
            lines.append(f'  File "{shown}", line {n}{where}\n')
            text = _source_line(n)
            if text:
                lines.append("    " + text + "\n")
        tb = tb.tb_next
    if isinstance(exc, SyntaxError) and _is_student_file(exc.filename):
        lines.append(f'  File "{shown}", line {exc.lineno}\n')
    head = "Traceback (most recent call last):\n" if lines else ""
    return head + "".join(lines) + describe_exception(exc) + "\n"


def student_where(exc):
    """ "line 4, in add: return a + b": the innermost frame of the student's own file in
    exc's traceback ("" when the error did not happen in their file)."""
    try:
        last = None
        tb = exc.__traceback__
        while tb is not None:
            co = tb.tb_frame.f_code
            if _is_student_file(co.co_filename):
                last = (tb.tb_lineno, co.co_name)
            tb = tb.tb_next
        if last is None:
            if isinstance(exc, SyntaxError) and _is_student_file(exc.filename):
                last = (exc.lineno or 0, "<module>")
            else:
                return ""
        n, name = last
        text = f"line {n}" + ("" if name == "<module>" else f", in {name}")
        line = _source_line(n)
        if line:
            text += ": " + line
        return cut(text, WHERE_CHARS - 40)
    except BaseException:
        return ""


def _exception_message(exc):
    try:
        msg = str(exc)
    except BaseException:
        msg = "(the error message could not be shown)"
    return msg


def describe_exception(exc):
    msg = _exception_message(exc)
    name = type(exc).__name__
    text = f"{name}: {msg}" if msg else name
    return text[:ERROR_CHARS]
