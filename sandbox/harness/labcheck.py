"""labcheck: the small API that lab authors use in a lab's ``checks.py``.

A check is a function decorated with ``@check(...)``.  It RETURNS AN OBSERVATION: a plain value
(number, string, list, dict, ...) describing what the student's code did.  It never asserts and
never knows the right answer.  The grader (outside the sandbox) compares the observation with
the one the reference solution produced for the same check.  See labs/README.md for the rules.

    from labcheck import check, call, raises, run_main

    @check(weight=2, visible=True)
    def adds_small_numbers(student):          # one parameter: the student's module
        "add(2, 3)"
        return call(student.add, 2, 3)

    @check(visible=False, timeout_ms=2000)
    def greets_by_name():                     # no parameter: the program is run as __main__
        return run_main(stdin="Ada\\n")

This module is also the harness's runtime: canonical JSON, output capture, stdin, timers.
It only imports cheap modules at load time, because every grading run pays for them.
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
    "check", "call", "raises", "run", "run_main", "tidy", "approx", "type_name",
    "class_shape", "mro_names", "files_in_workdir", "read_file", "write_file",
    "lab_path", "source_text", "source_has_comment", "canonical", "normalize",
    "StudentCodeError", "import_student_as",
]

# --------------------------------------------------------------------------------------------
# Limits shared by harness and checks
# --------------------------------------------------------------------------------------------

MAX_DEPTH = 64                 # nesting of an observation
MAX_OBSERVATION = 256 * 1024   # bytes of canonical JSON for one observation
TAIL_CHARS = 2000              # stdout_tail / stderr_tail
FLOAT_DIGITS = 9               # significant digits kept by float canonicalisation

# --------------------------------------------------------------------------------------------
# Check registry
# --------------------------------------------------------------------------------------------


class Check:
    __slots__ = ("name", "fn", "weight", "visible", "timeout_ms", "description", "wants_module")

    def __init__(self, name, fn, weight, visible, timeout_ms, description, wants_module):
        self.name = name
        self.fn = fn
        self.weight = weight
        self.visible = visible
        self.timeout_ms = timeout_ms
        self.description = description
        self.wants_module = wants_module

    def info(self):
        return {"kind": "check_info", "name": self.name, "weight": self.weight,
                "visible": self.visible, "timeout_ms": self.timeout_ms,
                "description": self.description}


_CHECKS = []
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


class LabDefinitionError(Exception):
    """checks.py is wrong (an author's mistake, never a student's)."""


def check(fn=None, *, weight=1, visible=True, timeout_ms=1000, name=None, description=None):
    """Register a check.

    weight      int 0..100, share of the lab's points (points are split by weight).
    visible     True: an example; the student sees the expected value when it fails.
                False: hidden; the student only learns "wrong" plus their own observation.
    timeout_ms  wall-clock budget for this check (10..60000), including importing the
                student's file.
    name        defaults to the function name; [a-z0-9_], at most 64 chars, unique.
    description one line shown to the student; defaults to the docstring's first line.

    The function takes either no parameter (use run()/run_main() to run the program) or one
    parameter, which receives the student's file imported as the module ``student``.
    """
    def register(f):
        nm = name if name is not None else f.__name__
        if (not isinstance(nm, str) or not 1 <= len(nm) <= 64
                or not set(nm) <= _NAME_CHARS):
            raise LabDefinitionError(f"check name {nm!r}: use 1-64 characters a-z 0-9 _")
        if any(c.name == nm for c in _CHECKS):
            raise LabDefinitionError(f"check name {nm!r} is used twice")
        if type(weight) is not int or not 0 <= weight <= 100:
            raise LabDefinitionError(f"check {nm}: weight must be an int 0..100")
        if type(visible) is not bool:
            raise LabDefinitionError(f"check {nm}: visible must be True or False")
        if type(timeout_ms) is not int or not 10 <= timeout_ms <= 60000:
            raise LabDefinitionError(f"check {nm}: timeout_ms must be an int 10..60000")
        argc = f.__code__.co_argcount
        if argc not in (0, 1):
            raise LabDefinitionError(f"check {nm}: takes 0 parameters or 1 (the student module)")
        desc = description
        if desc is None:
            doc = (f.__doc__ or "").strip()
            desc = doc.splitlines()[0].strip() if doc else nm.replace("_", " ")
        _CHECKS.append(Check(nm, f, weight, visible, timeout_ms, str(desc)[:200], argc == 1))
        return f

    if fn is not None:            # bare @check
        if not callable(fn):
            raise LabDefinitionError("use @check or @check(weight=..., ...)")
        return register(fn)
    return register


# --------------------------------------------------------------------------------------------
# Canonical JSON
# --------------------------------------------------------------------------------------------


class ObservationError(Exception):
    """The check returned something that cannot be turned into an observation."""


def _norm_float(x):
    if x != x:
        return {"$float": "nan"}
    if x == float("inf"):
        return {"$float": "inf"}
    if x == float("-inf"):
        return {"$float": "-inf"}
    if x == 0.0:
        return 0.0                       # -0.0 and 0.0 are the same observation
    return float(format(x, ".%dg" % FLOAT_DIGITS))


def _canon_key(v):
    return dumps(v)


def normalize(v, _depth=0):
    """Turn a value into the JSON-able value that is observed.

    None/bool/int/str stay; float -> 9 significant digits (nan/inf -> {"$float": "nan"|"inf"|"-inf"});
    list/tuple (and subclasses such as namedtuple) -> list; set/frozenset -> list sorted by
    canonical JSON; dict with only str keys -> dict; any other dict (or subclass such as Counter)
    with a non-str key -> {"$dict": [[key, value], ...]} sorted by key; bytes -> {"$bytes": hex};
    anything else -> {"$object": "TypeName"} (observe its properties explicitly instead).
    Only base-type methods are used, so no student code runs here.
    """
    if _depth > MAX_DEPTH:
        raise ObservationError(f"the value is nested more than {MAX_DEPTH} levels deep")
    t = type(v)
    if v is None or t is bool or t is str or t is int:
        return v
    if t is float:
        return _norm_float(v)
    d = _depth + 1
    if t is list or t is tuple:
        return [normalize(x, d) for x in v]
    if t is dict:
        return _norm_dict(v, d)
    if t is set or t is frozenset:
        return sorted((normalize(x, d) for x in v), key=_canon_key)
    # subclasses: read them through the base type, never through their own methods
    if isinstance(v, int):
        return int.__pos__(v)
    if isinstance(v, float):
        return _norm_float(float.__pos__(v))
    if isinstance(v, str):
        return str.__str__(v)
    if isinstance(v, list):
        return [normalize(x, d) for x in list.__iter__(v)]
    if isinstance(v, tuple):
        return [normalize(x, d) for x in tuple.__iter__(v)]
    if isinstance(v, dict):
        return _norm_dict(v, d)
    if isinstance(v, (set, frozenset)):
        it = set.__iter__(v) if isinstance(v, set) else frozenset.__iter__(v)
        return sorted((normalize(x, d) for x in it), key=_canon_key)
    if isinstance(v, (bytes, bytearray)):
        return {"$bytes": bytes(v).hex()}
    return {"$object": type.__dict__["__qualname__"].__get__(t)}


def _norm_dict(v, d):
    items = list(dict.items(v))
    if all(type(k) is str for k, _ in items):
        return {k: normalize(x, d) for k, x in items}
    pairs = [[normalize(k, d), normalize(x, d)] for k, x in items]
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


def canonical(v):
    """The canonical JSON text of an observation (what the grader compares byte for byte)."""
    return dumps(normalize(v))


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
    lab_dir = ""
    output_limit = 64 * 1024
    used = 0                 # bytes of output captured so far in this check
    module = None            # the imported `student` module
    prompts = None           # list of input() prompts seen
    echo_prompts = False     # run(prompts=True): input() prompts are printed


_rt = _Runtime()


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


def call(fn, *args, **kwargs):
    """fn(*args, **kwargs); if the student's code raises an exception, the observation is
    {"$raised": "ExceptionTypeName"} instead of a value (the message is not compared, because
    equivalent code can word it differently; it is shown to the student in stderr_tail)."""
    try:
        return fn(*args, **kwargs)
    except Exception as e:
        _report_traceback(e)            # the message is shown to the student, not compared
        return {"$raised": type(e).__name__}


def raises(fn, *args, **kwargs):
    """The name of the exception type fn(*args, **kwargs) raises, or None if it returns."""
    try:
        fn(*args, **kwargs)
    except Exception as e:
        return type(e).__name__
    return None


def run(stdin="", argv=(), prompts=False):
    """Run the student's file as a program (__name__ == "__main__") in a fresh namespace.

    stdin   text the program reads (input(), sys.stdin.read(), ...).
    argv    extra command-line arguments (sys.argv[1:]).
    prompts False: what is passed to input("...") is not part of stdout (students may
            choose their own prompt).  True: prompts are printed like in a terminal.
    Returns {"stdout": str, "exit_code": int, "exception": "TypeName" or None}.
    sys.exit(n) is a normal end with exit_code n.
    """
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
    result = {"stdout": text, "exit_code": exit_code,
              "exception": type(exc).__name__ if exc is not None else None}
    if exc is not None:
        result["_exc"] = exc
    return result


def run_main(stdin="", argv=(), exact=False, prompts=False):
    """What the student's program prints for the given stdin (see run()).

    exact=False (default): spaces at the end of each line and empty lines at the end are
    ignored, because they are invisible to a beginner.  exact=True keeps every character.
    If the program crashes, the check fails with the program's own error message.
    """
    r = run(stdin=stdin, argv=argv, prompts=prompts)
    if r["exception"] is not None:
        raise StudentCodeError(r["_exc"])
    return r["stdout"] if exact else tidy(r["stdout"])


def tidy(text):
    """Remove trailing spaces on every line and trailing empty lines; "\\r\\n" -> "\\n"."""
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def approx(value, places=2):
    """Round every float inside value to `places` decimal places (for results where only a
    few decimals matter, e.g. money).  Other values are returned unchanged."""
    t = type(value)
    if t is float:
        return round(value, places)
    if t is list or t is tuple:
        return [approx(v, places) for v in value]
    if t is dict:
        return {k: approx(v, places) for k, v in value.items()}
    return value


def type_name(value):
    """type(value).__name__, e.g. to observe that a function returns a tuple, not a list."""
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
# Tracebacks that only show the student's own lines
# --------------------------------------------------------------------------------------------


def _report_traceback(exc):
    """Write a short traceback of exc (student frames only) to sys.stderr."""
    try:
        sys.stderr.write(format_student_traceback(exc))
    except BaseException:
        pass


def format_student_traceback(exc):
    lines = []
    src = _rt.student_source.splitlines()
    shown = os.path.basename(_rt.student_path)
    tb = exc.__traceback__
    while tb is not None:
        co = tb.tb_frame.f_code
        if co.co_filename == _rt.student_path:
            n = tb.tb_lineno
            where = "" if co.co_name == "<module>" else f", in {co.co_name}"
            lines.append(f'  File "{shown}", line {n}{where}\n')
            if 0 < n <= len(src) and src[n - 1].strip():
                lines.append("    " + src[n - 1].strip() + "\n")
        tb = tb.tb_next
    if isinstance(exc, SyntaxError) and exc.filename == _rt.student_path:
        lines.append(f'  File "{shown}", line {exc.lineno}\n')
    head = "Traceback (most recent call last):\n" if lines else ""
    return head + "".join(lines) + describe_exception(exc) + "\n"


def describe_exception(exc):
    try:
        msg = str(exc)
    except BaseException:
        msg = "(the error message could not be shown)"
    name = type(exc).__name__
    text = f"{name}: {msg}" if msg else name
    return text[:500]
