"""labserver grading harness (implementation; harness.py is the entry point).

    /usr/bin/python3 -I harness.py --lab LABDIR --student FILE [--result-fd N] [--list]
                                   [--checks-stdin]

Writes JSON lines (canonical JSON, one object per line, format v2) to fd N (default 1):

    {"kind":"check_info",...}          per check, with --list
    {"kind":"syntax_error",...}        the student's file does not compile (no checks run)
    {"kind":"check",...,"cases":[...]} per check, in checks.py order, one entry per case
    {"kind":"harness_error",...}       the lab itself is broken (exit status 2)
    {"kind":"done","n":N}              last line of every complete run

The protocol is specified in labs/README.md ("Result lines").  Design: this parent process
loads checks.py before any student code exists in memory, then forks one child per check.
The child imports the student's code once, runs the check's cases in order and sends ONE
framed result back through its own pipe.  The parent never sees expected values, trusts
nothing but the first frame on that pipe, re-validates it (statuses, sizes, observations in
canonical form, at most the check's own number of cases), enforces the time budget, and alone
writes to the result fd.  With --checks-stdin (lab.ini `checks = unittest`) the tests arrive
on stdin and _unittest_mode.py runs them.
"""

import builtins
import errno
import os
import select
import sys

import _signal as signal      # not `signal`: that one imports enum, a few ms at every run
import time

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import labcheck as L  # noqa: E402

MAGIC = b"LABR"
HEADER = 12                      # MAGIC + 8 hex digits of payload length
MAX_FRAME = 1024 * 1024          # bytes of payload accepted from a child
MAX_SOURCE = 1024 * 1024         # bytes of student source
GRACE_MS = 250                   # hard kill this long after the soft timer fires
RESERVE_MS = 300                 # kept back from the lab's wall_ms for start-up and exit
STATUSES = ("ok", "exception", "timeout", "crashed", "import_error")

LIMIT_DEFAULTS = {"wall_ms": 5000, "output_kb": 64, "memory_mb": 256}


SIGNAL_NAMES = {1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT",
                7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 10: "SIGUSR1", 11: "SIGSEGV",
                12: "SIGUSR2", 13: "SIGPIPE", 14: "SIGALRM", 15: "SIGTERM", 24: "SIGXCPU",
                25: "SIGXFSZ", 31: "SIGSYS"}


class HarnessError(Exception):
    pass


# --------------------------------------------------------------------------------------------
# Small utilities
# --------------------------------------------------------------------------------------------


def now_ms():
    return time.monotonic_ns() // 1_000_000


def parse_args(argv):
    opts = {"lab": None, "student": None, "result_fd": 1, "list": False, "checks_stdin": False}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--list", "--checks-stdin"):
            opts[a[2:].replace("-", "_")] = True
            i += 1
            continue
        if a in ("--lab", "--student", "--result-fd") and i + 1 < len(argv):
            v = argv[i + 1]
            if a == "--result-fd":
                if not v.isdigit():
                    raise HarnessError("--result-fd needs a number")
                opts["result_fd"] = int(v)
            else:
                opts[a[2:]] = v
            i += 2
            continue
        raise HarnessError(f"unknown or incomplete argument {a!r}")
    if not opts["lab"]:
        raise HarnessError("--lab LABDIR is required")
    if not opts["list"] and not opts["student"]:
        raise HarnessError("--student FILE is required")
    return opts


def read_limits(lab_dir):
    """The few lab.ini keys the harness itself needs: three [limits], [requires] modules and
    [lab] student_module (unittest mode).  Full validation is verify_labs.py's job."""
    lim = dict(LIMIT_DEFAULTS)
    lim["modules"] = []
    lim["student_module"] = "solution"
    try:
        with open(os.path.join(lab_dir, "lab.ini"), "rb") as f:
            text = f.read(65536).decode("utf-8", "replace")
    except OSError:
        return lim
    section = None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line.split("]", 1)[0].strip("[ \t")
        elif "=" in line and line[0] not in ";#":
            k, v = line.split("=", 1)
            k, v = k.strip(), v.split(";", 1)[0].strip()
            if section == "limits" and k in LIMIT_DEFAULTS and v.isdigit():
                lim[k] = int(v)
            elif section == "requires" and k == "modules":
                lim["modules"] = [m.strip() for m in v.split(",") if m.strip()]
            elif section == "lab" and k == "student_module":
                lim["student_module"] = v
    return lim


def preimport(modules):
    """Import the lab's required modules once, here, before any child is forked: every check
    process would otherwise pay for them again (statistics or collections cost 30-400 ms).
    Only names made of identifiers are tried; a missing module is verify_labs' business."""
    import importlib
    for name in modules[:32]:
        if all(part.isidentifier() for part in name.split(".")):
            try:
                importlib.import_module(name)
            except Exception:
                pass


class ResultWriter:
    def __init__(self, fd):
        self.fd = fd
        self.checks = 0

    def line(self, rec):
        data = (L.dumps(rec) + "\n").encode("ascii")
        while data:
            n = os.write(self.fd, data)
            data = data[n:]


def load_checks(lab_dir):
    path = os.path.join(lab_dir, "checks.py")
    try:
        with open(path, "rb") as f:
            src = f.read()
    except OSError as e:
        raise HarnessError(f"cannot read checks.py: {e}") from None
    mod = type(sys)("checks")
    mod.__file__ = path
    sys.modules["checks"] = mod
    try:
        exec(compile(src, path, "exec", dont_inherit=True), mod.__dict__)
    except L.LabDefinitionError as e:
        raise HarnessError(f"checks.py: {e}") from None
    except BaseException as e:
        raise HarnessError(f"checks.py failed to load: {type(e).__name__}: {e}") from None
    if not L._CHECKS:
        raise HarnessError("checks.py defines no @check")
    return list(L._CHECKS)


def make_undumpable():
    """Other processes of our uid (the children running student code) must not be able to
    open /proc/<harness>/fd/N (the result fd), read our memory or ptrace us."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(4, 0, 0, 0, 0)          # PR_SET_DUMPABLE = 4
    except Exception:
        pass


# --------------------------------------------------------------------------------------------
# The child: runs one check
# --------------------------------------------------------------------------------------------


HINTS = {
    "EOFError": "Your program asked for input() but there was nothing more to read.",
    "RecursionError": "A function kept calling itself without stopping.",
    "MemoryError": "Your program used too much memory. Is a list growing without end?",
    "OutputLimitExceeded": "Your program printed far too much. Is a print() inside a loop that never ends?",
    "SystemExit": "Your code called exit() (or sys.exit()) while it was being tested.",
    "KeyboardInterrupt": "Your code raised KeyboardInterrupt.",
}


def hint_for(exc, where):
    try:
        return _hint_for(exc, where)
    except Exception:           # the student's exception may have a broken __str__
        return ""


def _hint_for(exc, where):
    name = type(exc).__name__
    if where == "import":
        if name == "EOFError":
            return ("Your file called input() while it was being loaded, but this check only "
                    "calls your functions. Remove the input() calls outside your functions.")
        return "Your file stopped with an error while it was being loaded, before anything could be tested."
    if name == "AttributeError" and getattr(exc, "obj", None) is L._rt.module and L._rt.module is not None:
        return (f"Your file has no function or variable called '{getattr(exc, 'name', '?')}'. "
                "Check the spelling of the name.")
    if name == "TypeError" and "argument" in str(exc):
        return "Check how many values your function takes (its parameters) and how it is called."
    if name == "NameError":
        return "A name is used before it was created. Check the spelling."
    return HINTS.get(name, "")


def tail(text):
    return L.tail_text(text)


TIMEOUT_HINT = ("Your code took too long. Is there a loop that never ends, or an input() "
                "waiting for more lines?")


def timeout_error(timeout_ms):
    return f"Timeout: the check took longer than {timeout_ms} ms"


def case_record(about, status, call="", error="", where="", observation=None, shown="",
                shown_as="value"):
    return {"about": about, "call": call, "error": error, "observation": observation,
            "shown": shown, "shown_as": shown_as, "status": status, "where": where}


class _CaseRunner:
    """Runs the cases of one check in the child, in order, each in its own try."""

    def __init__(self, chk):
        self.chk = chk
        self.out = []            # one record per case that has finished (or timed out)
        self.hints = []
        self.size = 0            # bytes of canonical JSON of the observations so far

    def run_one(self, mod, row):
        chk = self.chk
        L._begin_case()
        rec = case_record(row.about, "exception")
        try:
            value = chk.fn(mod, *row.args) if chk.wants_module else chk.fn(*row.args)
            obs = L.normalize(value, chk.exact_types, chk.places)
            n = len(L.dumps(obs))
            if self.size + n > L.MAX_OBSERVATION:
                raise L.ObservationError(
                    "the results of this check are too large to compare "
                    f"(more than {L.MAX_OBSERVATION // 1024} KB)")
            shown, shown_as = L.show(value)
            self.size += n
            rec.update(status="ok", observation=obs, shown=shown, shown_as=shown_as,
                       error=L._rt.case_error, where=L._rt.case_where)
        except L.CheckTimeout:
            raise
        except L.StudentCodeError as e:
            inner = e.args[0]
            rec.update(error=L.describe_exception(inner), where=L.student_where(inner))
            self.hints.append(hint_for(inner, "run"))
        except L.ObservationError as e:
            rec.update(error=f"ObservationError: {e}")
        except BaseException as e:
            rec.update(error=L.describe_exception(e), where=L.student_where(e))
            self.hints.append(hint_for(e, "check"))
            L._report_traceback(e)
        rec["call"] = L._case_call_text()
        return rec

    def run(self, mod, timeout_ms):
        """Every case gets a record: a timeout marks the running case and the later ones."""
        rows = self.chk.rows
        try:
            while len(self.out) < len(rows):
                row = rows[len(self.out)]
                try:
                    rec = self.run_one(mod, row)
                except L.CheckTimeout:
                    raise
                except BaseException as e:      # a student's exception that cannot be described
                    rec = case_record(row.about, "exception",
                                      error=f"{type(e).__name__} while reporting an error")
                self.out.append(rec)
        except L.CheckTimeout as e:
            self.timed_out(e, timeout_ms)

    def timed_out(self, e, timeout_ms):
        rows = self.chk.rows
        i = len(self.out)
        if i >= len(rows):
            return
        self.out.append(case_record(rows[i].about, "timeout", call=L._case_call_text(),
                                    error=timeout_error(timeout_ms), where=L.student_where(e)))
        self.hints.append(TIMEOUT_HINT)
        for r in rows[i + 1:]:
            self.out.append(case_record(
                r.about, "timeout", error="NotRun: an earlier case of this check used up its time"))


def child_main(chk, wfd, result_fd, workdir, limits, kit, timeout_ms):
    """Runs in the forked child.  Never returns.  timeout_ms: the check's own timeout, or less
    when the lab's total time is running out."""
    rt = L._rt
    status, error, where, hint = "crashed", "", "", ""
    runner = _CaseRunner(chk)
    out_sink = err_sink = None
    try:
        try:
            os.setpgid(0, 0)
        except OSError:
            pass
        # file descriptors: 0,1,2 -> /dev/null, the pipe, nothing else (not the result fd)
        try:
            os.close(result_fd)
        except OSError:
            pass
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            if fd != null:
                os.dup2(null, fd)
        os.closerange(3, wfd)
        os.closerange(wfd + 1, 1 << 16)
        try:
            import resource
            mem = limits["memory_mb"] * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        except (ImportError, ValueError, OSError):
            pass
        if workdir:
            try:
                os.chdir(workdir)
            except OSError:
                pass
        sys.path[:] = [os.path.dirname(rt.student_path)] + [
            p for p in sys.path if p != HERE and p]
        rt.output_limit = limits["output_kb"] * 1024
        rt.used = 0
        rt.prompts = []
        rt.exceptions = chk.exceptions
        out_sink, err_sink, stdin = kit       # made by the parent: cheaper than here
        sys.stdout, sys.stderr, sys.stdin = out_sink, err_sink, stdin
        sys.argv = [rt.student_path]
        builtins.input = L._input
        # SIGALRM -> CheckTimeout was installed by the parent (warm_up); only arm the timer
        signal.setitimer(signal.ITIMER_REAL, timeout_ms / 1000.0)
        try:
            try:
                mod = None
                if chk.wants_module:
                    mod = L._fresh_module("student")
                    rt.module = mod
                    sys.modules["student"] = mod
                    try:
                        L._exec_student(mod)
                    except SystemExit:
                        pass             # the file ran to an exit(): keep what it defined
                    except (L.CheckTimeout, L.OutputLimitExceeded):
                        raise
                    except BaseException as e:
                        status, error, where = ("import_error", L.describe_exception(e),
                                                L.student_where(e))
                        hint = hint_for(e, "import")
                        L._report_traceback(e)
                        raise _Done() from None
                status = "ok"
                runner.run(mod, timeout_ms)
            except _Done:
                pass
            except L.CheckTimeout as e:
                if status == "ok":       # between two cases: the rest of them timed out
                    runner.timed_out(e, timeout_ms)
                else:                    # while the student's file was being loaded
                    status, error, where, hint = ("timeout", timeout_error(timeout_ms),
                                                  L.student_where(e), TIMEOUT_HINT)
            except BaseException as e:
                status, error, where = "exception", L.describe_exception(e), L.student_where(e)
                hint = hint_for(e, "check")
                L._report_traceback(e)
        except L.CheckTimeout as e:      # in one of the handlers above
            if status == "ok":
                runner.timed_out(e, timeout_ms)
            else:
                status, error, hint = "timeout", timeout_error(timeout_ms), TIMEOUT_HINT
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if status == "ok":
            hint = next((h for h in runner.hints if h), "")
        payload = {
            "status": status, "error": error, "where": where, "hint": hint,
            "cases": runner.out if status == "ok" else [],
            "stdout_tail": tail(L._sink_text(out_sink)),
            "stderr_tail": tail(L._sink_text(err_sink)),
        }
        data = L.dumps(payload).encode("ascii")
        if len(data) > MAX_FRAME:             # keep what is graded, drop what is displayed
            for c in payload["cases"]:
                c["shown"] = c["call"] = ""
            payload["stdout_tail"] = payload["stderr_tail"] = ""
            data = L.dumps(payload).encode("ascii")
        if len(data) > MAX_FRAME:
            data = L.dumps({"status": "crashed", "error": "HarnessError: result too large",
                            "where": "", "hint": "", "cases": [],
                            "stdout_tail": "", "stderr_tail": ""}).encode("ascii")
        data = MAGIC + b"%08x" % len(data) + data
        while data:
            n = os.write(wfd, data)
            data = data[n:]
    except BaseException:
        pass
    os._exit(0)


class _Done(Exception):
    pass


def _on_alarm(signum, frame):
    raise L.CheckTimeout("time is up")


def warm_up():
    """Do once in the parent what every child would otherwise do first: a forked child pays
    for every memory page it touches for the first time (copy-on-write), so caches (codecs,
    signal handler, encoder) are filled here, and the collector is told to leave the parent's
    objects alone (gc.freeze: a collection in the child would touch all of them)."""
    L._sink_text(L._text_sink())
    L._stdin_for("").readline()
    L.dumps({"a": [1, 2.5, "x", None, True]})
    L.normalize({"a": (1, {2}, 2.5)})
    L.show({"a": (1, {2}, 2.5)})
    L.student_where(ValueError())
    signal.signal(signal.SIGALRM, _on_alarm)
    try:
        import resource  # noqa: F401  (used by the child)
    except ImportError:
        pass
    import gc
    gc.collect()
    gc.freeze()


# --------------------------------------------------------------------------------------------
# The parent
# --------------------------------------------------------------------------------------------


def read_frame(rfd, deadline):
    """Read one frame from the child's pipe.  Returns (payload bytes or None, reason)."""
    buf = bytearray()
    need = None
    poller = select.poll()
    poller.register(rfd, select.POLLIN | select.POLLHUP | select.POLLERR)
    while True:
        left = deadline - now_ms()
        if left <= 0:
            return None, "timeout"
        if not poller.poll(left):
            continue
        chunk = os.read(rfd, 65536)
        if not chunk:
            return None, "eof"
        buf += chunk
        if need is None and len(buf) >= HEADER:
            head = bytes(buf[:HEADER])
            hexlen = head[4:]
            if head[:4] != MAGIC or not all(c in b"0123456789abcdef" for c in hexlen):
                return None, "garbled"
            n = int(hexlen, 16)
            if n > MAX_FRAME:
                return None, "too_large"
            need = HEADER + n
        if need is not None and len(buf) >= need:
            return bytes(buf[HEADER:need]), "ok"


def reap(pid):
    for target in (-pid, pid):
        try:
            os.kill(target, signal.SIGKILL)
        except OSError:
            pass
    while True:
        try:
            _, st = os.waitpid(pid, 0)
            return st
        except ChildProcessError:
            return None
        except InterruptedError:
            continue


def describe_exit(st):
    if st is None:
        return "the check's process disappeared"
    if os.WIFSIGNALED(st):
        n = os.WTERMSIG(st)
        name = SIGNAL_NAMES.get(n, f"number {n}")
        return f"the check's process was killed by signal {name}"
    return f"the check's process ended early with exit code {os.WEXITSTATUS(st)}"


STRING_CAPS = {"error": L.ERROR_CHARS, "hint": 500, "where": L.WHERE_CHARS,
               "stdout_tail": L.TAIL_CHARS, "stderr_tail": L.TAIL_CHARS}
SHOWN_CAP = L.SHOWN_CHARS + 40                # a cut value plus its marker
CASE_STATUSES = ("ok", "exception", "timeout")


def _str(rec, key, cap):
    v = rec.get(key, "")
    return v[:cap] if type(v) is str else ""


def validate_payload(payload, chk):
    """Parse a child's payload; return the record fields the parent will use (None: the
    payload is not acceptable).  Observations are normalized again with the check's own
    options; abouts come from the parent's own copy of the check."""
    try:
        rec = L.loads(payload.decode("ascii"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    if type(rec) is not dict or rec.get("status") not in STATUSES:
        return None
    out = {k: _str(rec, k, cap) for k, cap in STRING_CAPS.items()}
    out["status"] = rec["status"]
    cases = rec.get("cases")
    rows = chk.rows
    if type(cases) is not list or len(cases) > min(len(rows), L.MAX_CASES):
        return None
    if out["status"] == "ok" and len(cases) != len(rows):
        return None
    got = []
    size = 0
    for row, c in zip(rows, cases):
        if type(c) is not dict or c.get("status") not in CASE_STATUSES:
            return None
        obs = None
        if c["status"] == "ok":
            try:
                obs = L.normalize(c.get("observation"), chk.exact_types, chk.places)
                size += len(L.dumps(obs))
            except (L.ObservationError, ValueError, RecursionError):
                return None
            if size > L.MAX_OBSERVATION:
                return None
        shown_as = c.get("shown_as")
        got.append(case_record(row.about, c["status"], call=_str(c, "call", SHOWN_CAP),
                               error=_str(c, "error", L.ERROR_CHARS),
                               where=_str(c, "where", L.WHERE_CHARS), observation=obs,
                               shown=_str(c, "shown", SHOWN_CAP),
                               shown_as=shown_as if shown_as in ("value", "output") else "value"))
    out["cases"] = got
    return out


def run_check(chk, result_fd, workdir, limits, budget_ms):
    timeout = min(chk.timeout_ms, budget_ms)
    rec = {"kind": "check", "name": chk.name, "status": "crashed", "cases": [], "error": "",
           "hint": "", "where": "", "stdout_tail": "", "stderr_tail": "", "ms": 0}
    if timeout < 10:
        rec.update(status="timeout", error="NotRun: the lab's total time ran out",
                   hint="Earlier checks used up all the time, so this one could not run.")
        return rec
    kit = (L._text_sink(), L._text_sink(), L._stdin_for(""))
    rfd, wfd = os.pipe()
    t0 = now_ms()
    try:
        pid = os.fork()
    except OSError as e:
        os.close(rfd)
        os.close(wfd)
        rec.update(error=f"HarnessError: could not start the check ({e.strerror})",
                   hint="Too many processes are running. Does your program start processes that never end?")
        return rec
    if pid == 0:
        try:
            os.close(rfd)
            child_main(chk, wfd, result_fd, workdir, limits, kit, timeout)
        finally:
            os._exit(70)
    os.close(wfd)
    try:
        os.setpgid(pid, pid)
    except OSError:
        pass
    try:
        payload, why = read_frame(rfd, t0 + timeout + GRACE_MS)
    finally:
        st = reap(pid)
        os.close(rfd)
    rec["ms"] = now_ms() - t0
    if why == "timeout":
        rec.update(status="timeout", error=timeout_error(timeout), hint=TIMEOUT_HINT)
        return rec
    if payload is None:
        if why == "eof":
            rec.update(status="crashed", error="Crashed: " + describe_exit(st),
                       hint="Your program ended in an unexpected way (for example with os._exit(), "
                            "or by using too much memory).")
        else:
            rec.update(status="crashed", error=f"Crashed: the check's result was {why.replace('_', ' ')}",
                       hint="Your program wrote into the test's own channel, so it could not be checked.")
        return rec
    got = validate_payload(payload, chk)
    if got is None:
        rec.update(status="crashed", error="Crashed: the check's result could not be read",
                   hint="Your program wrote into the test's own channel, so it could not be checked.")
        return rec
    rec.update(got)
    if rec["status"] == "timeout":
        rec["error"] = rec["error"] or timeout_error(timeout)
        rec["hint"] = rec["hint"] or TIMEOUT_HINT
    return rec


def make_workdir(base, name):
    """A fresh, empty directory for one check (inside the current directory)."""
    try:
        os.makedirs(base, exist_ok=True)
        path = os.path.join(base, name)
        n = 0
        while True:
            try:
                os.mkdir(path)
                return path
            except FileExistsError:
                n += 1
                path = os.path.join(base, f"{name}.{n}")
    except OSError:
        return None


def main(argv):
    started = now_ms()
    try:
        sys.set_int_max_str_digits(4300)
    except AttributeError:
        pass
    try:
        opts = parse_args(argv)
    except HarnessError as e:
        sys.stderr.write(f"harness: {e}\n")
        return 2
    result_fd = opts["result_fd"]
    for fd in (0, 1, 2):        # a closed 0/1/2 would later be taken by a pipe
        try:
            os.fstat(fd)
        except OSError:
            os.open(os.devnull, os.O_RDWR)
    try:
        os.fstat(result_fd)
    except OSError:
        sys.stderr.write(f"harness: result fd {result_fd} is not open\n")
        return 2
    out = ResultWriter(result_fd)
    if opts["checks_stdin"]:        # lab.ini `checks = unittest`: the tests come on stdin
        import _unittest_mode
        return _unittest_mode.main(opts, out)
    lab_dir = os.path.abspath(opts["lab"])
    try:
        if opts["list"]:
            checks = load_checks(lab_dir)
            for c in checks:
                out.line(c.info())
            out.line({"kind": "done", "n": len(checks)})
            return 0

        # 1. compile the student's file (no student code runs in this process, ever)
        student = os.path.abspath(opts["student"])
        try:
            with open(student, "rb") as f:
                src = f.read(MAX_SOURCE + 1)
        except OSError as e:
            raise HarnessError(f"cannot read the student file: {e.strerror}") from None
        if len(src) > MAX_SOURCE:
            out.line({"kind": "syntax_error", "type": "FileTooLarge", "line": 0, "col": 0,
                      "message": f"your file is larger than {MAX_SOURCE // 1024} KB"})
            out.line({"kind": "done", "n": 0})
            return 0
        try:
            code = compile(src, student, "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as e:
            line = getattr(e, "lineno", None) or 0
            col = getattr(e, "offset", None) or 0
            msg = getattr(e, "msg", None) or str(e)
            out.line({"kind": "syntax_error", "type": type(e).__name__, "message": str(msg)[:500],
                      "line": int(line), "col": int(col)})
            out.line({"kind": "done", "n": 0})
            return 0

        # 2. load the checks, then lock ourselves away from the children
        limits = read_limits(lab_dir)
        checks = load_checks(lab_dir)
        rt = L._rt
        rt.code = code
        rt.student_path = student
        rt.student_source = src.decode("utf-8", "replace")
        rt.lab_dir = lab_dir
        make_undumpable()
        try:
            import resource
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        except (ImportError, ValueError, OSError):
            pass
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)
        preimport(limits["modules"])
        warm_up()

        # 3. one child per check, one line per check
        base = os.path.join(os.getcwd(), ".labwork")
        for c in checks:
            budget = limits["wall_ms"] - RESERVE_MS - (now_ms() - started)
            workdir = make_workdir(base, c.name)
            rec = run_check(c, result_fd, workdir, limits, budget)
            out.line(rec)
            out.checks += 1
        out.line({"kind": "done", "n": out.checks})
        return 0
    except OSError as e:            # the reader of the result fd went away: nothing to report to
        if e.errno not in (errno.EPIPE, errno.EBADF):
            raise
        return 3
    except HarnessError as e:
        try:
            out.line({"kind": "harness_error", "message": str(e)[:2000]})
        except OSError:
            pass
        sys.stderr.write(f"harness: {e}\n")
        return 2


