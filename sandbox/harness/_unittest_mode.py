"""unittest-style checks (spec section 9): a lab whose checks.py is a module of TestCases.

_harness.main() hands the run over to main() here when it is given --checks-stdin.  This module
owns everything from then on: the student zygote, the student processes and the RPC server in
them, the tester processes (remote handles, unittest hooks, cases), the codec between the two,
and the result lines.  From the rest of the harness it uses only labcheck.normalize and
labcheck.dumps.  It also defines the decorators hidden, weight and timeout_ms, which test files
import from labcheck (main() puts them there when labcheck does not re-export them itself).

    harness H --fork, before stdin is read--> zygote Z  (holds only the compiled student file)
      | reads the tests from stdin, closes fd 0,    | one fork per test method
      | turns non-dumpable, runs the test module    v
      +--fork per test method--> tester T <--pipes--> student S  (cwd .labwork/<name>)

Why the expected values cannot reach the student's code:
- Z, and every S forked from it, split off from H before H read stdin, so no memory they have
  or inherited ever held the tests; the tests never exist as a file.  H is non-dumpable before
  it reads stdin and every T inherits that, so no process of the same uid can read their
  memory, environ or fds through /proc, nor ptrace them.
- S only learns what T sends it: the attribute names and arguments of the calls a test makes.
  A comparison or `in` between a student object and a plain value is decided in T (a student
  object never equals a plain value; `in` iterates the student's container), reflected
  operators are not forwarded, and unittest's own failure messages (which quote the expected
  value) are dropped, because any of these would hand an expected value to the student.
- The codec knows plain data and handles only (never pickle); messages are bounded in size and
  nesting, so a hostile reply can fail a check but never pass one.
"""

import builtins
import contextlib
import io
import itertools
import operator
import os
import select
import socket
import struct
import sys
import time
import unittest
import unittest.case

import _signal as signal      # like _harness: `signal` imports enum, a few ms at every run

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import labcheck  # noqa: E402

MAX_MESSAGE = 4 << 20            # bytes of one RPC message or report
MAX_DEPTH = 64                   # nesting of a value in a message
MAX_TESTS_SOURCE = 1 << 20       # bytes of test source accepted on stdin
MAX_STUDENT_SOURCE = 1 << 20
MAX_HANDLES = 100_000            # student objects one test may hold handles to
MAX_CASES = 1000                 # cases reported per check
DEFAULT_TIMEOUT_MS = 1000
GRACE_MS = 250                   # H kills a tester this long after the tester's own timer
TAILS_MS = 200                   # how long a tester waits for the student's output tails
SPAWN_MS = 2000                  # how long H waits for the zygote to start a student process
RESERVE_MS = 300                 # kept back from the lab's wall_ms for start-up and exit
SHOWN_CHARS = labcheck.SHOWN_CHARS     # cuts and their marker are labcheck's, as in functions mode
TAIL_CHARS = labcheck.TAIL_CHARS
ERROR_CHARS = 500

HINTS = {
    "import": "Your file stopped with an error while it was being loaded, before anything could be tested.",
    "input": ("Your file called input() while it was being loaded, but these tests only call "
              "your functions. Remove the input() calls outside your functions."),
    "timeout": "Your code took too long. Is there a loop that never ends, or an input() waiting for more lines?",
    "killed": ("Your program stopped the test itself (for example by ending or signalling other "
               "processes), so it could not be checked."),
    "missing": "Your file has no function or variable called '{}'. Check the spelling of the name.",
}
HINTS_BY_ERROR = {
    "Crashed": ("Your program ended in an unexpected way (for example with os._exit(), or by "
                "using too much memory)."),
    "OutputLimitExceeded": "Your program printed far too much. Is a print() inside a loop that never ends?",
    "EOFError": "Your program asked for input() but there was nothing to read.",
    "SystemExit": "Your code called exit() (or sys.exit()) while it was being tested.",
    "RecursionError": "A function kept calling itself without stopping.",
}


class HarnessError(Exception):
    """The lab itself is broken (an author's mistake): one harness_error line, exit status 2."""


class CheckTimeout(KeyboardInterrupt):
    """The tester's time is up.  A KeyboardInterrupt because unittest lets only that one through
    its test-part executor: anything else would be recorded as an error and the test would go
    on to the next subTest."""


class OutputLimitExceeded(BaseException):
    """The student's code printed more than the lab allows (not an Exception, so that
    `except Exception` in student code does not swallow it)."""


class StudentError(Exception):
    """Base of the classes made for exceptions the student's code raised whose name is not a
    builtin exception's; each subclass carries the student's type name."""


def now_ms():
    return time.monotonic_ns() // 1_000_000


# --------------------------------------------------------------------------------------------
# Decorators for test files (`from labcheck import hidden, weight`)
# --------------------------------------------------------------------------------------------


def hidden(obj):
    """@hidden on a test method, or on a TestCase class for all its methods: not visible."""
    obj._lab_hidden = True
    return obj


def weight(n):
    """@weight(n): the check's share of the lab's points, an int 0..100 (default 1)."""
    return _attr_setter("_lab_weight", n, 0, 100, "weight")


def timeout_ms(n):
    """@timeout_ms(n): the check's real-time budget in ms, 10..60000 (default 1000)."""
    return _attr_setter("_lab_timeout_ms", n, 10, 60000, "timeout_ms")


def _attr_setter(attr, n, lo, hi, what):
    if type(n) is not int or not lo <= n <= hi:
        raise ValueError(f"@{what}(n): n must be an int {lo}..{hi}")

    def deco(obj):
        setattr(obj, attr, n)
        return obj
    return deco


# --------------------------------------------------------------------------------------------
# Codec: tagged binary encoding of plain data plus handles, and length-prefixed frames
# --------------------------------------------------------------------------------------------

_U32 = struct.Struct(">I")
_F64 = struct.Struct(">d")
_SEQ_TAGS = {list: b"l", tuple: b"t", set: b"S", frozenset: b"Z"}
_SEQ_TYPES = {b"l": list, b"t": tuple, b"S": set, b"Z": frozenset}
_PLAIN_BASES = (int, float, str, bytes, tuple, list, dict, set, frozenset)


class CodecError(Exception):
    pass


def encode(value, other):
    """bytes of value.  other(v, out, depth) writes anything that is not exactly a plain type
    (a handle, a subclass read through its base type) or raises."""
    out = bytearray()
    _enc(value, out, other, 0)
    if len(out) > MAX_MESSAGE:
        raise CodecError("the value is larger than 4 MiB")
    return bytes(out)


def _blob(out, tag, data):
    out += tag
    out += _U32.pack(len(data))
    out += data


def _enc(v, out, other, depth):
    if depth > MAX_DEPTH:
        raise CodecError(f"the value is nested more than {MAX_DEPTH} levels deep")
    if len(out) > MAX_MESSAGE:
        raise CodecError("the value is larger than 4 MiB")
    t = type(v)
    if v is None:
        out += b"N"
    elif t is bool:
        out += b"T" if v else b"F"
    elif t is int:
        _blob(out, b"i", v.to_bytes(v.bit_length() // 8 + 1, "big", signed=True))
    elif t is float:
        out += b"f"
        out += _F64.pack(v)
    elif t is str:
        _blob(out, b"s", v.encode("utf-8", "surrogatepass"))
    elif t is bytes:
        _blob(out, b"b", v)
    elif t in _SEQ_TAGS:
        out += _SEQ_TAGS[t]
        out += _U32.pack(len(v))
        for x in v:
            _enc(x, out, other, depth + 1)
    elif t is dict:
        out += b"d"
        out += _U32.pack(len(v))
        for k, x in v.items():
            _enc(k, out, other, depth + 1)
            _enc(x, out, other, depth + 1)
    else:
        other(v, out, depth)


def as_base(v, base):
    """A subclass instance of a plain type as that exact type, through the base type's own
    methods (no code of the subclass runs)."""
    if base is int:
        return int.__index__(v)
    if base is float:
        return float.__float__(v)
    if base is str:
        return str.__str__(v)
    if base is bytes:
        return bytes.__add__(b"", v)
    if base is dict:
        return dict(dict.items(v))
    return base(base.__iter__(v))


class Reader:
    """Decodes one message.  ref(tag, reader, depth) decodes the tags that are not plain data
    (handles, paths, named tuples, exception classes) or raises CodecError."""

    __slots__ = ("buf", "pos", "ref")

    def __init__(self, buf, ref):
        self.buf, self.pos, self.ref = buf, 0, ref

    def take(self, n):
        if self.pos + n > len(self.buf):
            raise CodecError("truncated message")
        b = self.buf[self.pos:self.pos + n]
        self.pos += n
        return b

    def u32(self):
        return _U32.unpack(self.take(4))[0]

    def count(self):
        n = self.u32()
        if n > len(self.buf) - self.pos:       # every item takes at least one byte
            raise CodecError("bad item count")
        return n

    def value(self, depth=0):
        if depth > MAX_DEPTH:
            raise CodecError("nested too deeply")
        tag = self.take(1)
        if tag == b"N":
            return None
        if tag == b"T":
            return True
        if tag == b"F":
            return False
        if tag == b"i":
            return int.from_bytes(self.take(self.u32()), "big", signed=True)
        if tag == b"f":
            return _F64.unpack(self.take(8))[0]
        if tag == b"s":
            try:
                return self.take(self.u32()).decode("utf-8", "surrogatepass")
            except UnicodeDecodeError:
                raise CodecError("bad text") from None
        if tag == b"b":
            return self.take(self.u32())
        if tag in _SEQ_TYPES:
            n = self.count()
            items = [self.value(depth + 1) for _ in range(n)]
            return items if tag == b"l" else _SEQ_TYPES[tag](items)
        if tag == b"d":
            n = self.count()
            d = {}
            for _ in range(n):
                k = self.value(depth + 1)
                d[k] = self.value(depth + 1)
            return d
        return self.ref(tag, self, depth)


def decode(data, ref):
    r = Reader(data, ref)
    try:
        v = r.value()
    except (TypeError, RecursionError) as e:     # an unhashable key or set item
        raise CodecError(f"bad message ({type(e).__name__})") from None
    if r.pos != len(data):
        raise CodecError("trailing bytes")
    return v


def no_ref(tag, reader, depth):
    raise CodecError(f"unexpected tag {tag!r}")


def no_other(v, out, depth):
    raise CodecError(f"cannot encode {type(v).__name__}")


def send(fd, payload):
    data = memoryview(_U32.pack(len(payload)) + payload)
    while data:
        data = data[os.write(fd, data):]


def recv(fd, deadline=None):
    """One frame's payload.  Raises EOFError, TimeoutError (past deadline, a now_ms() value)
    or CodecError (over MAX_MESSAGE)."""
    n = _U32.unpack(_read_exact(fd, 4, deadline))[0]
    if n > MAX_MESSAGE:
        raise CodecError("message too large")
    return _read_exact(fd, n, deadline)


def _read_exact(fd, n, deadline):
    buf = bytearray()
    poller = None
    while len(buf) < n:
        if deadline is not None:
            if poller is None:
                poller = select.poll()
                poller.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)
            left = deadline - now_ms()
            if left <= 0:
                raise TimeoutError
            if not poller.poll(left):
                continue
        chunk = os.read(fd, min(n - len(buf), 1 << 20))
        if not chunk:
            raise EOFError
        buf += chunk
    return bytes(buf)


# --------------------------------------------------------------------------------------------
# Small helpers shared by the processes
# --------------------------------------------------------------------------------------------


cut = labcheck.cut
tail = labcheck.tail_text


def describe(e):
    try:
        msg = str(e)
    except Exception:
        msg = "(the error message could not be shown)"
    name = type(e).__name__
    return (f"{name}: {msg}" if msg else name)[:ERROR_CHARS]


def keep_only_fds(keep):
    """fds 0, 1, 2 become /dev/null; every other fd not in keep is closed."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        if fd != null:
            os.dup2(null, fd)
    lo = 3
    for fd in sorted(keep):
        if fd >= lo:
            os.closerange(lo, fd)
            lo = fd + 1
    os.closerange(lo, 1 << 16)


def make_undumpable():
    """No other process of our uid may read our memory, environ or fds through /proc, nor
    ptrace us.  Without this there is no secrecy, so failure is a harness error."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(4, 0, 0, 0, 0)                  # PR_SET_DUMPABLE, 0
        ok = libc.prctl(3, 0, 0, 0, 0) == 0        # PR_GET_DUMPABLE
    except Exception:
        ok = False
    if not ok:
        raise HarnessError("cannot make the harness non-dumpable, so the tests cannot be kept secret")
    try:
        import resource
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass


def kill_group(pid):
    for target in (-pid, pid):
        try:
            os.kill(target, signal.SIGKILL)
        except OSError:
            pass


def read_lab_ini(lab_dir):
    """The keys this mode needs, read by the harness's one lab.ini reader (verify_labs.py and
    labini.py validate the whole file)."""
    import _harness
    cfg = _harness.read_limits(lab_dir)
    if not cfg["student_module"].isidentifier():
        raise HarnessError(f"lab.ini: student_module {cfg['student_module']!r} is not a Python identifier")
    return cfg


# --------------------------------------------------------------------------------------------
# Student side: the zygote, and the student process with its RPC server
# --------------------------------------------------------------------------------------------


class _Program:
    """What the zygote knows: the compiled student file and the lab's limits.  Nothing else."""

    def __init__(self, code, path, source, module_name, cfg):
        self.code, self.path, self.module_name = code, path, module_name
        self.lines = source.decode("utf-8", "replace").splitlines()
        self.output_limit = cfg["output_kb"] * 1024
        self.memory = cfg["memory_mb"] * 1024 * 1024


class Zygote:
    """H's side of the zygote: a SEQPACKET socket that carries a student process's two pipe
    ends (SCM_RIGHTS) and brings back its pid."""

    def __init__(self, prog):
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        pid = os.fork()
        if pid == 0:
            try:
                mine.close()
                _zygote_main(theirs, prog)
            finally:
                os._exit(0)
        theirs.close()
        self.pid, self.sock = pid, mine

    def spawn(self, workdir, fds):
        """The pid of a new student process holding fds, or None if the zygote is gone."""
        try:
            socket.send_fds(self.sock, [b"W" + os.fsencode(workdir)], fds)
            if not select.select([self.sock], [], [], SPAWN_MS / 1000)[0]:
                return None
            return int(self.sock.recv(32))
        except (OSError, ValueError):
            return None

    def stop(self):
        self.sock.close()
        kill_group(self.pid)
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def _zygote_main(sock, prog):
    # fd 0 (where the tests will arrive), the result fd and H's stdout/stderr: all gone now
    keep_only_fds((sock.fileno(),))
    while True:
        try:
            msg, fds, _, _ = socket.recv_fds(sock, 4096, 2)
        except OSError:
            return
        if msg[:1] != b"W" or len(fds) != 2:
            return
        while True:                          # reap the student processes H has killed
            try:
                if os.waitpid(-1, os.WNOHANG)[0] == 0:
                    break
            except ChildProcessError:
                break
        pid = os.fork()
        if pid == 0:
            try:
                _student_main(prog, os.fsdecode(msg[1:]), fds[0], fds[1])
            finally:
                os._exit(0)
        for fd in fds:
            os.close(fd)
        sock.send(b"%d" % pid)


class _CappedBytes(io.BytesIO):
    """What the student prints; stdout and stderr share one byte budget (a 1-item list)."""

    def __init__(self, budget):
        super().__init__()
        self.budget = budget

    def write(self, b):
        room = self.budget[0]
        if len(b) > room:
            io.BytesIO.write(self, bytes(b[:room]))
            self.budget[0] = 0
            raise OutputLimitExceeded(f"your program printed more than {self.limit_kb} KB")
        self.budget[0] -= len(b)
        return io.BytesIO.write(self, b)

    def close(self):          # the text stays readable even if the student closes sys.stdout
        pass


def _sink(budget, limit_kb):
    raw = _CappedBytes(budget)
    raw.limit_kb = limit_kb
    return io.TextIOWrapper(raw, encoding="utf-8", errors="backslashreplace", newline="\n",
                            write_through=True)


def _sink_text(sink):
    try:
        sink.flush()
    except BaseException:
        pass
    return io.BytesIO.getvalue(sink.buffer).decode("utf-8", "replace")


def _student_main(prog, workdir, rfd, wfd):
    """Runs the student's file as module prog.module_name, then serves RPC until EOF."""
    try:
        os.setpgid(0, 0)
    except OSError:
        pass
    keep_only_fds((rfd, wfd))
    try:
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (prog.memory, prog.memory))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass
    if workdir:
        try:
            os.chdir(workdir)
        except OSError:
            pass
    sys.path[:] = [os.path.dirname(prog.path)] + [p for p in sys.path if p and p != HERE]
    sys.argv = [prog.path]
    budget = [prog.output_limit]
    out = _sink(budget, prog.output_limit // 1024)
    err = _sink(budget, prog.output_limit // 1024)
    sys.stdout, sys.stderr, sys.stdin = out, err, io.StringIO("")
    mod = type(sys)(prog.module_name)
    mod.__file__ = prog.path
    mod.__builtins__ = builtins
    sys.modules[prog.module_name] = mod
    server = _Server(prog, mod, rfd, wfd, out, err)
    try:
        exec(prog.code, mod.__dict__)
    except SystemExit:
        pass                                   # the file ran to an exit(): keep what it defined
    except BaseException as e:
        server.reply(("import_error",) + server.error_info(e))
        return
    server.reply(("ready",))
    server.serve()


def _next_batch(it, n):
    items = list(itertools.islice(it, n))
    return items, len(items) < n


_OPS = {
    "value": lambda x: x, "getattr": getattr, "setattr": setattr,
    "repr": repr, "str": str, "format": format, "hash": hash, "bool": bool, "len": len,
    "int": int, "float": float, "index": operator.index,
    "eq": operator.eq, "ne": operator.ne, "lt": operator.lt, "le": operator.le,
    "gt": operator.gt, "ge": operator.ge,
    "getitem": operator.getitem, "setitem": operator.setitem, "delitem": operator.delitem,
    "iter": iter, "next": next, "next_batch": _next_batch,
    "add": operator.add, "sub": operator.sub, "mul": operator.mul, "truediv": operator.truediv,
    "floordiv": operator.floordiv, "mod": operator.mod, "pow": operator.pow,
    "neg": operator.neg, "pos": operator.pos, "abs": operator.abs,
    "isinstance": isinstance, "issubclass": issubclass,
}
_MUTABLE = (list, dict, set)


class ProtocolError(Exception):
    pass


class _Server:
    """The student process's end of the RPC.  Requests are (op, args, kwargs); replies are
    ("ok", value, changed_args) or ("err", type_name, message, where, builtin_base_name)."""

    def __init__(self, prog, module, rfd, wfd, out, err):
        self.prog, self.module, self.rfd, self.wfd = prog, module, rfd, wfd
        self.out, self.err = out, err
        self.objs = {}        # handle -> object; holding them keeps id() stable
        self.ids = {}         # id(object) -> handle

    def serve(self):
        while True:
            try:
                data = recv(self.rfd)
            except (OSError, EOFError, CodecError):
                return
            try:
                reply = self.handle(decode(data, self.ref))
            except BaseException as e:         # student code raised, or a bad request
                reply = ("err",) + self.error_info(e)
            self.reply(reply)

    def reply(self, msg):
        try:
            payload = encode(msg, self.other)
        except BaseException as e:             # too large or deep, or student code in the way
            payload = encode(("err", "ResultTooLarge", f"the value cannot be sent: {describe(e)}",
                              "", "Exception"), no_other)
        try:
            send(self.wfd, payload)
        except OSError:
            os._exit(0)

    def handle(self, req):
        if not (type(req) is tuple and len(req) == 3 and type(req[0]) is str
                and type(req[1]) is tuple and type(req[2]) is dict):
            raise ProtocolError("bad request")
        op, args, kwargs = req
        if op == "call":
            if not args:
                raise ProtocolError("bad call")
            value = args[0](*args[1:], **kwargs)
            # arguments the student may have changed in place go back, so that a test sees
            # `lst` sorted after `sort_in_place(lst)` as it would in one process
            changed = [(i, a) for i, a in enumerate(args[1:]) if type(a) in _MUTABLE]
            changed += [(k, a) for k, a in kwargs.items() if type(a) in _MUTABLE]
            return ("ok", value, changed)
        if op == "tails":
            return ("ok", (tail(_sink_text(self.out)), tail(_sink_text(self.err))), None)
        fn = _OPS.get(op)
        if fn is None or kwargs:
            raise ProtocolError(f"unknown operation {op!r}")
        return ("ok", fn(*args), None)

    def error_info(self, e):
        try:
            msg = str(e)
        except BaseException:
            msg = "(the error message could not be shown)"
        return (type(e).__name__, msg[:ERROR_CHARS], self.where(e), _builtin_base(type(e)))

    def where(self, e):
        """The innermost frame of the student's own file: "line 4, in add: return a + b"."""
        found = ""
        tb = e.__traceback__
        while tb is not None:
            co = tb.tb_frame.f_code
            if co.co_filename == self.prog.path:
                n = tb.tb_lineno
                place = f"line {n}" if co.co_name == "<module>" else f"line {n}, in {co.co_name}"
                text = self.prog.lines[n - 1].strip() if 0 < n <= len(self.prog.lines) else ""
                found = f"{place}: {text}" if text else place
            tb = tb.tb_next
        return found[:ERROR_CHARS]

    def ref(self, tag, r, depth):
        if tag == b"h":
            obj = self.objs.get(r.u32(), self)
            if obj is self:
                raise CodecError("unknown handle")
            return obj
        if tag == b"p":                        # a name path from the module: ("Clock", "MAX")
            obj = self.module
            for name in r.value(depth + 1):
                obj = getattr(obj, str(name))
            return obj
        raise CodecError(f"unexpected tag {tag!r}")

    def other(self, v, out, depth):
        t = type(v)
        if isinstance(v, type) and issubclass(v, BaseException):
            out += b"x"                        # an exception class: the tester makes its twin
            _enc(v.__name__, out, no_other, depth + 1)
            _enc(_builtin_base(v), out, no_other, depth + 1)
            return
        if isinstance(v, tuple) and type(getattr(t, "_fields", None)) is tuple:
            out += b"n"                        # a named tuple keeps its field names
            _enc(str(t.__name__), out, no_other, depth + 1)
            _enc(tuple(str(f) for f in t._fields), out, no_other, depth + 1)
            _enc(as_base(v, tuple), out, self.other, depth + 1)
            return
        for base in _PLAIN_BASES:
            if isinstance(v, base):
                _enc(as_base(v, base), out, self.other, depth)
                return
        hid = self.ids.get(id(v))
        if hid is None:
            if len(self.objs) >= MAX_HANDLES:
                raise CodecError("too many objects")
            hid = len(self.objs) + 1
            self.objs[hid] = v
            self.ids[id(v)] = hid
        out += b"h"
        out += _U32.pack(hid)


def _builtin_base(cls):
    for k in cls.__mro__:
        if getattr(builtins, k.__name__, None) is k:
            return k.__name__
    return "Exception"


# --------------------------------------------------------------------------------------------
# Tester side: remote handles, the session with the student process, cases
# --------------------------------------------------------------------------------------------

_SESSION = None          # the tester's _Session (None in H: no student code can be reached)
_REC = None              # the tester's _Recorder
_EXC_CLASSES = {}
_TUPLE_CLASSES = {}


def exception_class(name, base):
    """The tester's class for a student exception type: the builtin of that name (ValueError),
    else a StudentError subclass of that name, also deriving from its builtin base."""
    builtin = getattr(builtins, name, None)
    if isinstance(builtin, type) and issubclass(builtin, Exception):
        return builtin
    cls = _EXC_CLASSES.get((name, base))
    if cls is None:
        b = getattr(builtins, base, None)
        bases = (StudentError,)
        if isinstance(b, type) and issubclass(b, Exception) and b is not Exception:
            bases = (StudentError, b)
        try:
            cls = type(name, bases, {"__module__": "student"})
        except TypeError:                      # e.g. an instance layout conflict
            cls = type(name, (StudentError,), {"__module__": "student"})
        _EXC_CLASSES[(name, base)] = cls
    return cls


def student_exception(name, message, where, base):
    try:
        e = exception_class(name, base)(message)
    except Exception:                          # a builtin with a special constructor
        cls = _EXC_CLASSES.setdefault((name, ""), type(name, (StudentError,), {"__module__": "student"}))
        e = cls(message)
    e._lab_where = where
    e._lab_text = (f"{name}: {message}" if message else name)[:ERROR_CHARS]
    return e


def _crash(text):
    e = exception_class("Crashed", "Exception")(text)
    e._lab_where = ""
    return e


def _rpc(op, *args):
    if _SESSION is None:
        raise RuntimeError("the student's code can only be used inside a test method")
    return _SESSION.rpc(op, args)[0]


def _ref(remote):
    return object.__getattribute__(remote, "_lab_ref")


class Remote:
    """An object in the student process: ("h", handle) for one this test got back, or
    ("p", names) for a name path from the student module, resolved when used (a test module's
    `from clock import Clock` runs in H, where no student process exists)."""

    __slots__ = ("_lab_ref", "__weakref__")

    def __init__(self, ref):
        object.__setattr__(self, "_lab_ref", ref)

    def __getattr__(self, name):
        if name.startswith("_lab_") or (name.startswith("__") and name.endswith("__")
                                        and name not in ("__name__", "__qualname__")):
            raise AttributeError(name)
        ref = _ref(self)
        if _SESSION is None and ref[0] == "p":
            return Remote(("p", ref[1] + (name,)))
        value = _rpc("getattr", self, name)
        label = _label(self)
        if label:
            _set_label(value, f"{label}.{name}")
        return value

    def __setattr__(self, name, value):
        _rpc("setattr", self, name, value)

    def __call__(self, *args, **kwargs):
        if _SESSION is None:
            raise RuntimeError("the student's code can only be called inside a test method")
        text = _call_text(self, args, kwargs)
        if _REC is not None and text:
            _REC.called(text, _label(self))
        value, changed = _SESSION.rpc("call", (self,) + args, kwargs)
        if text:
            _set_label(value, text)
        for key, new in changed or ():
            old = (args[key] if type(key) is int and 0 <= key < len(args)
                   else kwargs.get(key) if type(key) is str else None)
            if type(old) is list and type(new) is list:
                old[:] = new
            elif type(old) in (dict, set) and type(new) is type(old):
                old.clear()
                old.update(new)
        return value

    def __repr__(self):
        if _SESSION is None:
            return "<the student's " + ".".join(_ref(self)[1]) + ">"
        return _rpc("repr", self)

    def __iter__(self):
        it = _rpc("iter", self)
        while True:                            # fetched 64 at a time: one round trip each
            items, done = _rpc("next_batch", it, 64)
            yield from items
            if done:
                return

    def __contains__(self, x):
        # iterated here, not asked of the student: `x` is usually the expected value
        return any(item is x or item == x for item in self)

    def __instancecheck__(self, obj):
        try:
            return _rpc("isinstance", obj, self)
        except (TypeError, CodecError):        # a tester-side object: not the student's class
            return False

    def __subclasscheck__(self, cls):
        try:
            return _rpc("issubclass", cls, self)
        except (TypeError, CodecError):
            return False


def _label(remote):
    """How the test named this student object: "leap_year", "Luhn('059').valid", or ""."""
    kind, val = _ref(remote)
    if kind == "p":
        return ".".join(str(x) for x in val)
    return _SESSION.labels.get(val, "") if _SESSION is not None else ""


def _set_label(value, label):
    """The first name a handle is reached by stays its name."""
    if isinstance(value, Remote) and _SESSION is not None:
        kind, val = _ref(value)
        if kind == "h" and val not in _SESSION.labels:
            _SESSION.labels[val] = label[:SHOWN_CHARS]


def _arg_text(v, depth=0):
    """repr of an argument the test passes, written here: a student object by its label, so
    that no student code (a __repr__) runs for a call text."""
    t = type(v)
    if isinstance(v, Remote):
        return _label(v) or "<object>"
    if v is None or t in (bool, int, float, str, bytes):
        return repr(v)
    if depth > 20:
        return "..."
    if t in (list, tuple, set, frozenset):
        items = [_arg_text(x, depth + 1) for x in v]
        if t is list:
            return "[" + ", ".join(items) + "]"
        if t is tuple:
            return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
        if not items:
            return f"{t.__name__}()"
        inner = "{" + ", ".join(items) + "}"
        return inner if t is set else f"frozenset({inner})"
    if t is dict:
        return "{" + ", ".join(f"{_arg_text(k, depth + 1)}: {_arg_text(x, depth + 1)}"
                               for k, x in v.items()) + "}"
    return _safe_repr(v)                       # a tester-side object: the test's own code


def _call_text(fn, args, kwargs):
    """ "leap_year(2015)", as labcheck's call() writes it; "" for an unnamed object."""
    name = _label(fn)
    if not name:
        return ""
    parts = [_arg_text(a) for a in args] + [f"{k}={_arg_text(v)}" for k, v in kwargs.items()]
    return f"{name}({', '.join(parts)})"


def _forward(op):
    def method(self, *args):
        return _rpc(op, self, *args)
    method.__name__ = f"__{op}__"
    return method


def _compare(op):
    def method(self, other):
        if not isinstance(other, Remote):
            return NotImplemented              # never send a plain value to be compared with
        return _rpc(op, self, other)
    method.__name__ = f"__{op}__"
    return method


# forward operators only: a reflected one (`expected - obj` in assertAlmostEqual) would send
# the left operand, typically the expected value
for _op in ("str", "format", "hash", "bool", "len", "int", "float", "index", "getitem",
            "setitem", "delitem", "next", "add", "sub", "mul", "truediv", "floordiv", "mod",
            "pow", "neg", "pos", "abs"):
    setattr(Remote, f"__{_op}__", _forward(_op))
for _op in ("eq", "ne", "lt", "le", "gt", "ge"):
    setattr(Remote, f"__{_op}__", _compare(_op))


def _tester_other(v, out, depth):
    if isinstance(v, Remote):
        kind, val = _ref(v)
        if kind == "h":
            out += b"h"
            out += _U32.pack(val)
        else:
            out += b"p"
            _enc(val, out, no_other, depth + 1)
        return
    for base in _PLAIN_BASES:
        if isinstance(v, base):
            _enc(as_base(v, base), out, _tester_other, depth)
            return
    raise TypeError(f"a {type(v).__name__} cannot be passed to the student's code (only None, "
                    "bool, int, float, str, bytes, list, tuple, dict, set and the student's "
                    "own objects can)")


class _Session:
    """The tester's end of the RPC with one student process."""

    def __init__(self, wfd, rfd):
        self.wfd, self.rfd = wfd, rfd
        self.remotes = {}
        self.labels = {}           # handle -> how the test reached it ("Luhn('059')")
        self.broken = None

    def start(self):
        """Wait until the student's file has run.  Returns None, or (error, where, name)
        when it raised."""
        try:
            msg = decode(recv(self.rfd), no_ref)
        except (OSError, EOFError, CodecError):
            return "Crashed: your program stopped while it was being loaded", "", "Crashed"
        if msg == ("ready",):
            return None
        if type(msg) is tuple and len(msg) == 5 and msg[0] == "import_error" and all(
                type(x) is str for x in msg[1:]):
            return (f"{msg[1]}: {msg[2]}" if msg[2] else msg[1])[:ERROR_CHARS], msg[3], msg[1]
        return "Crashed: your program wrote into the test's own channel", "", "Crashed"

    def rpc(self, op, args, kwargs=None):
        if self.broken:
            raise _crash(self.broken)
        payload = encode((op, tuple(args), kwargs or {}), _tester_other)
        try:
            send(self.wfd, payload)
            data = recv(self.rfd)
        except (OSError, EOFError, CodecError):
            self.broken = "your program stopped while it was being tested"
            raise _crash(self.broken) from None
        try:
            reply = decode(data, self.ref)
        except CodecError:
            self.broken = "your program wrote into the test's own channel"
            raise _crash(self.broken) from None
        if type(reply) is tuple and len(reply) == 3 and reply[0] == "ok":
            return reply[1], reply[2]
        if type(reply) is tuple and len(reply) == 5 and reply[0] == "err" and all(
                type(x) is str for x in reply[1:]):
            raise student_exception(*reply[1:])
        self.broken = "your program wrote into the test's own channel"
        raise _crash(self.broken)

    def ref(self, tag, r, depth):
        if tag == b"h":
            hid = r.u32()
            obj = self.remotes.get(hid)
            if obj is None:                    # the same object comes back as the same handle
                obj = self.remotes[hid] = Remote(("h", hid))
            return obj
        if tag == b"x":
            name, base = r.value(depth + 1), r.value(depth + 1)
            if type(name) is not str or type(base) is not str:
                raise CodecError("bad exception class")
            return exception_class(name, base)
        if tag == b"n":
            name, fields, values = (r.value(depth + 1) for _ in range(3))
            if not (type(name) is str and type(fields) is tuple and type(values) is tuple
                    and len(fields) == len(values) and all(type(f) is str for f in fields)):
                raise CodecError("bad named tuple")
            cls = _TUPLE_CLASSES.get((name, fields))
            if cls is None:
                import collections
                try:
                    cls = collections.namedtuple(name, fields, rename=True)
                except ValueError:
                    return values
                _TUPLE_CLASSES[(name, fields)] = cls
            return cls(*values)
        raise CodecError(f"unexpected tag {tag!r}")

    def tails(self):
        if self.broken:
            return "", ""
        try:
            send(self.wfd, encode(("tails", (), {}), no_other))
            reply = decode(recv(self.rfd, now_ms() + TAILS_MS), no_ref)
            out, err = reply[1]
            if type(out) is str and type(err) is str:
                return out, err
        except Exception:
            pass
        return "", ""

    def bind_exception_names(self, module):
        """`from bank import Overdrawn` made a path in the test module; turned into the
        exception class here, so that `except Overdrawn:` works in the tests."""
        for k, v in list(vars(module).items()):
            if isinstance(v, Remote) and _ref(v)[0] == "p":
                try:
                    real = self.rpc("value", (v,))[0]
                except Exception:
                    continue
                if isinstance(real, type) and issubclass(real, BaseException):
                    module.__dict__[k] = real


class _StudentModule(type(sys)):
    """sys.modules[student_module] in H and the testers: each attribute stands for the
    student's object of that name."""

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        ref = Remote(("p", (name,)))
        if _SESSION is None:
            return ref
        value = _SESSION.rpc("value", (ref,))[0]
        _set_label(value, name)
        return value


def _safe_repr(v):
    try:
        r = repr(v)
        return r if type(r) is str else str.__str__(r)
    except Exception:
        return f"<{type(v).__name__} object>"


class _Recorder:
    """Turns one test method's run into cases.  A subTest block without subTests inside is a
    case; a method without subTests is one case."""

    def __init__(self, visible, module_name, timeout):
        self.visible, self.module_name, self.timeout_ms = visible, module_name, timeout
        self.cases = []
        self.stack = []              # open subTest blocks: [about, has_inner_subtests]
        self.saw_subtest = False
        self.first_shown = None      # first argument of the case's first assertion
        self.calls = []              # call texts of the case's calls into the student's code
        self.calls_len = 0
        self.depth = 0               # > 0 inside an assertion: nested ones are not recorded
        self.method_exc = None       # the method's own failure (outside any subTest)
        self.timed_out = False

    def shown_text(self, value):
        """The text shown for an assertion's first argument; the case's first one is kept,
        which is what a passing case shows (a failing case shows its failing assertion's)."""
        text = cut(_safe_repr(value))
        if self.first_shown is None:
            self.first_shown = text
        return text

    def first_assertion(self):
        return self.first_shown is None

    def called(self, text, callee):
        """A call into the student's code.  A call on what the case's previous call returned
        (`Luhn('059').valid()`) replaces that call's text, the same call again is not added,
        and the others are joined with "; " (as labcheck joins a case's calls)."""
        last = self.calls[-1] if self.calls and self.calls_len == self._joined_len() else None
        if text == last:                       # the same call again: shown once
            return
        if last is not None and (callee == last or callee.startswith(last + ".")):
            self.calls.pop()
            self.calls_len = self._joined_len()
        self.calls_len += len(text) + (2 if self.calls_len else 0)
        if self.calls_len - len(text) <= SHOWN_CHARS:
            self.calls.append(text)

    def _joined_len(self):
        return sum(len(c) for c in self.calls) + 2 * max(len(self.calls) - 1, 0)

    def call_text(self):
        text = "; ".join(self.calls)
        if self.calls_len <= SHOWN_CHARS:
            return text
        return text[:SHOWN_CHARS] + labcheck.more_marker(self.calls_len - SHOWN_CHARS)

    def new_case(self):
        self.first_shown = None
        self.calls, self.calls_len = [], 0

    def open(self, msg, params):
        about = _about(msg, params)
        if self.stack:                       # a nested block: its text follows the outer one's
            self.stack[-1][1] = True
            about = ", ".join(x for x in (self.stack[-1][0], about) if x)[:200]
        self.stack.append([about, False])
        self.saw_subtest = True
        self.new_case()

    def close(self):
        self.stack.pop()
        self.new_case()

    def subtest_done(self, exc):
        about, has_inner = self.stack[-1]
        if has_inner:
            self.method_done(exc)
        else:
            self.add(about, exc)

    def method_done(self, exc):
        if exc is not None and self.method_exc is None:
            self.method_exc = exc

    def timeout(self):
        if self.timed_out:
            return
        self.timed_out = True
        if self.stack and not self.stack[-1][1]:
            self.add(self.stack[-1][0], None, "timeout")
        elif not self.saw_subtest:
            self.add("", None, "timeout")

    def add(self, about, exc, status="ok"):
        if len(self.cases) >= MAX_CASES:
            return
        call = (self.call_text() or about) if self.visible else ""
        case = {"about": about, "call": call, "error": "", "observation": True,
                "shown": self.first_shown or "", "shown_as": "value", "status": status,
                "where": ""}
        if status != "ok":
            case.update(observation=None, shown="",
                        error=f"Timeout: the test took longer than {self.timeout_ms} ms")
        elif exc is not None:
            case.update(observation={"$failed": type(exc).__name__},
                        error=_case_error(exc),
                        where=getattr(exc, "_lab_where", ""),
                        shown=getattr(exc, "_lab_shown", "") if isinstance(exc, AssertionError) else "")
        self.cases.append(case)

    def finish(self, report):
        if not self.saw_subtest and not self.timed_out:
            self.add("", self.method_exc)
        elif self.method_exc is not None and not self.timed_out:
            exc = self.method_exc             # raised outside any case
            report.update(status="exception", error=getattr(exc, "_lab_text", None) or describe(exc),
                          where=getattr(exc, "_lab_where", ""))
        report["cases"] = self.cases
        missing = f"AttributeError: module '{self.module_name}' has no attribute '"
        for c in self.cases:
            name = c["error"].split(":", 1)[0]
            if c["error"].startswith(missing):
                report["hint"] = HINTS["missing"].format(c["error"][len(missing):].rstrip("'"))
            elif name in HINTS_BY_ERROR:
                report["hint"] = HINTS_BY_ERROR[name]
            if report["hint"]:
                break


def _case_error(exc):
    """The error a failing case shows: the student's exception, or the test author's msg= of a
    failed assertion; "" for a failed assertion without one (its own text, which quotes the
    expected value, is dropped, and the bare name "AssertionError" would only add noise)."""
    text = getattr(exc, "_lab_text", None)
    if text:
        return text
    if isinstance(exc, AssertionError) and not str(exc):
        return ""
    return describe(exc)


def _about(msg, params):
    parts = []
    if msg is not unittest.case._subtest_msg_sentinel and msg is not None:
        parts.append(str(msg))
    if params:
        p = ", ".join(f"{k}={_safe_repr(v)}" for k, v in params.items())
        parts.append(f"({p})" if parts else p)
    return " ".join(parts)[:200]


class _Result(unittest.TestResult):
    def addSubTest(self, test, subtest, err):
        _REC.subtest_done(err[1] if err else None)

    def addSuccess(self, test):
        _REC.method_done(None)

    def addFailure(self, test, err):
        _REC.method_done(err[1])

    def addError(self, test, err):
        _REC.method_done(err[1])

    def addSkip(self, test, reason):
        exc = unittest.SkipTest(reason)
        if isinstance(test, unittest.case._SubTest):
            _REC.subtest_done(exc)
        else:
            _REC.method_done(exc)

    def addExpectedFailure(self, test, err):
        _REC.method_done(None)

    def addUnexpectedSuccess(self, test):
        _REC.method_done(AssertionError("the test was expected to fail"))


# assertions whose first argument is shown as the student's value (spec: write the student's
# value first, assertEqual(actual, expected), assertIn(actual, allowed))
_ASSERTS = (
    "assertEqual", "assertNotEqual", "assertTrue", "assertFalse", "assertIs", "assertIsNot",
    "assertIsNone", "assertIsNotNone", "assertIn", "assertNotIn", "assertIsInstance",
    "assertNotIsInstance", "assertAlmostEqual", "assertNotAlmostEqual", "assertGreater",
    "assertGreaterEqual", "assertLess", "assertLessEqual", "assertRegex", "assertNotRegex",
    "assertCountEqual", "assertSequenceEqual", "assertListEqual", "assertTupleEqual",
    "assertSetEqual", "assertDictEqual", "assertMultiLineEqual",
)


def _recording(orig):
    def assertion(self, *args, **kwargs):
        rec = _REC
        if rec is None or rec.depth:
            return orig(self, *args, **kwargs)
        rec.depth += 1
        text = None
        try:
            if args and rec.first_assertion():
                text = rec.shown_text(args[0])
            return orig(self, *args, **kwargs)
        except AssertionError as e:
            if not hasattr(e, "_lab_shown"):
                e._lab_shown = text if text is not None or not args else rec.shown_text(args[0])
            raise
        finally:
            rec.depth -= 1
    assertion.__name__ = orig.__name__
    return assertion


def _resolving(orig):
    """assertRaises(bank.Overdrawn): the expected class comes from the student's process."""
    def assertion(self, expected, *args, **kwargs):
        if isinstance(expected, Remote):
            expected = _rpc("value", expected)
        elif type(expected) is tuple:
            expected = tuple(_rpc("value", x) if isinstance(x, Remote) else x for x in expected)
        return orig(self, expected, *args, **kwargs)
    assertion.__name__ = orig.__name__
    return assertion


def _raises_exit(orig):
    def __exit__(ctx, exc_type, exc, tb):
        rec = _REC
        if rec is None or rec.depth:
            return orig(ctx, exc_type, exc, tb)
        text = "no exception"
        if exc_type is not None:
            msg = ""
            try:
                msg = str(exc) if exc is not None else ""
            except Exception:
                pass
            text = cut(f"raises {exc_type.__name__}: {msg}" if msg else f"raises {exc_type.__name__}")
        if rec.first_assertion():
            rec.first_shown = text
        try:
            return orig(ctx, exc_type, exc, tb)
        except AssertionError as e:
            if not hasattr(e, "_lab_shown"):
                e._lab_shown = text
            raise
    return __exit__


def _subtest_hook(orig):
    @contextlib.contextmanager
    def subTest(self, msg=unittest.case._subtest_msg_sentinel, **params):
        rec = _REC
        if rec is None:
            with orig(self, msg, **params):
                yield
            return
        rec.open(msg, params)
        try:
            with orig(self, msg, **params):
                yield
        except CheckTimeout:
            rec.timeout()
            raise
        finally:
            rec.close()
    return subTest


_HOOKED = []


def install_unittest_hooks():
    """Once, in H, before the test module runs (the testers inherit it)."""
    if _HOOKED:
        return
    _HOOKED.append(True)
    tc = unittest.TestCase
    # unittest's own failure texts quote the expected value ("3 != 4"), and `error` is shown
    # to the student even for hidden checks: only the author's msg= is kept
    tc._formatMessage = lambda self, msg, standard: "" if msg is None else str(msg)
    for name in _ASSERTS:
        setattr(tc, name, _recording(getattr(tc, name)))
    for name in ("assertRaises", "assertRaisesRegex"):
        setattr(tc, name, _resolving(getattr(tc, name)))
    ctx = unittest.case._AssertRaisesContext
    ctx.__exit__ = _raises_exit(ctx.__exit__)
    tc.subTest = _subtest_hook(tc.subTest)


def _on_alarm(signum, frame):
    raise CheckTimeout("time is up")


def _tester_main(test, wfd, rfd, report_fd, timeout):
    """Runs in the forked tester.  Never returns."""
    global _SESSION, _REC
    report = {"status": "ok", "cases": [], "error": "", "where": "", "hint": "",
              "stdout_tail": "", "stderr_tail": ""}
    try:
        try:
            os.setpgid(0, 0)
        except OSError:
            pass
        keep_only_fds((wfd, rfd, report_fd))
        rec = _REC = _Recorder(test.visible, test.module_name, timeout)
        session = _SESSION = _Session(wfd, rfd)
        loaded = False
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout / 1000)
        try:
            failed = session.start()
            if failed is not None:
                error, where, name = failed
                hint = HINTS["input"] if name == "EOFError" else HINTS_BY_ERROR.get(name, HINTS["import"])
                report.update(status="import_error", error=error, where=where, hint=hint)
            else:
                loaded = True
                session.bind_exception_names(test.module)
                _run_method(test, rec)
                signal.setitimer(signal.ITIMER_REAL, 0)
                rec.finish(report)
        except CheckTimeout:
            signal.setitimer(signal.ITIMER_REAL, 0)
            if loaded:
                rec.timeout()
                rec.finish(report)
            else:
                report["status"] = "timeout"
            report.update(error=f"Timeout: the test took longer than {timeout} ms", hint=HINTS["timeout"])
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if not rec.timed_out:
            report["stdout_tail"], report["stderr_tail"] = session.tails()
    except BaseException as e:
        report.update(status="crashed", cases=[], error=f"HarnessError: the tester failed: {describe(e)}")
    try:
        payload = encode(report, no_other)
    except CodecError:
        payload = encode({"status": "crashed", "cases": [], "error": "HarnessError: result too large",
                          "where": "", "hint": "", "stdout_tail": "", "stderr_tail": ""}, no_other)
    try:
        send(report_fd, payload)
    finally:
        os._exit(0)


def _run_method(test, rec):
    """setUpModule/setUpClass, the method through TestCase.run (setUp, subTests, tearDown,
    cleanups), then the class and module teardown, each in this fresh process."""
    mod, cls = test.module, test.cls
    try:
        fn = getattr(mod, "setUpModule", None)
        if callable(fn):
            fn()
        cls.setUpClass()
    except Exception as e:
        rec.method_done(e)
        return
    cls(test.method).run(_Result())
    for fn in (cls.tearDownClass, getattr(mod, "tearDownModule", None)):
        try:
            if callable(fn):
                fn()
        except Exception as e:
            rec.method_done(e)


# --------------------------------------------------------------------------------------------
# Harness side: load the tests, run them, write the result lines
# --------------------------------------------------------------------------------------------


class _Test:
    def __init__(self, module, module_name, cls, method, taken):
        fn = getattr(cls, method)

        def option(attr, default):
            v = getattr(fn, attr, None)
            return v if v is not None else getattr(cls, attr, default)

        name = "".join(c if c in "abcdefghijklmnopqrstuvwxyz0123456789_" else "_"
                       for c in method.lower())[:64]
        n = 2
        while name in taken:                   # the same method name in two classes
            suffix = f"_{n}"
            name = name[:64 - len(suffix)] + suffix
            n += 1
        taken.add(name)
        doc = (getattr(fn, "__doc__", None) or "").strip()
        readable = method[4:] if method.startswith("test") else method
        desc = doc.splitlines()[0].strip() if doc else (readable.replace("_", " ").strip() or method)
        self.module, self.module_name, self.cls, self.method = module, module_name, cls, method
        self.name, self.description = name, desc[:200]
        self.visible = not option("_lab_hidden", False)
        self.weight = option("_lab_weight", 1)
        self.timeout_ms = option("_lab_timeout_ms", DEFAULT_TIMEOUT_MS)

    def info(self):
        return {"kind": "check_info", "name": self.name, "description": self.description,
                "timeout_ms": self.timeout_ms, "visible": self.visible, "weight": self.weight}


def _test_methods(cls):
    names = []
    for klass in reversed(cls.__mro__):         # base classes' tests first, each in source order
        if klass.__module__.startswith("unittest") or klass is object:
            continue
        for n in vars(klass):
            if n.startswith("test") and n not in names and callable(getattr(cls, n, None)):
                names.append(n)
    return names


def load_tests(source, module_name):
    """Run the test module (in H) and list its test methods, classes in definition order."""
    install_unittest_hooks()
    for name, fn in (("hidden", hidden), ("weight", weight), ("timeout_ms", timeout_ms)):
        if not hasattr(labcheck, name):
            setattr(labcheck, name, fn)
    held = sys.modules.get(module_name)
    if module_name == "checks" or held is not None and not isinstance(held, _StudentModule):
        raise HarnessError(f"lab.ini: student_module {module_name!r} is the name of a module "
                           "the harness uses; choose another name")
    sys.modules[module_name] = _StudentModule(module_name)
    mod = type(sys)("checks")
    mod.__file__ = "checks.py"
    sys.modules["checks"] = mod
    try:
        exec(compile(source, "checks.py", "exec", dont_inherit=True), mod.__dict__)
    except BaseException as e:
        raise HarnessError(f"checks.py failed to load: {describe(e)}") from None
    tests, taken, seen = [], set(), set()
    for cls in list(vars(mod).values()):
        if (isinstance(cls, type) and issubclass(cls, unittest.TestCase) and cls not in seen
                and not cls.__module__.startswith("unittest")):
            seen.add(cls)
            tests += [_Test(mod, module_name, cls, m, taken) for m in _test_methods(cls)]
    if not tests:
        raise HarnessError("checks.py defines no test methods (unittest.TestCase classes "
                           "with methods named test...)")
    for t in tests:
        if type(t.weight) is not int or not 0 <= t.weight <= 100 or type(t.timeout_ms) is not int:
            raise HarnessError(f"check {t.name}: bad @weight or @timeout_ms")
    return tests


def _read_stdin():
    chunks, n = [], 0
    while True:
        b = os.read(0, 65536)
        if not b:
            break
        n += len(b)
        if n > MAX_TESTS_SOURCE:
            raise HarnessError("the tests given on stdin are larger than 1 MiB")
        chunks.append(b)
    null = os.open(os.devnull, os.O_RDONLY)    # fd 0 stays taken, but no longer by the pipe
    os.dup2(null, 0)
    os.close(null)
    return b"".join(chunks)


def _compile_student(path):
    """(code, source) or (None, syntax_error line)."""
    try:
        with open(path, "rb") as f:
            src = f.read(MAX_STUDENT_SOURCE + 1)
    except OSError as e:
        raise HarnessError(f"cannot read the student file: {e.strerror}") from None
    if len(src) > MAX_STUDENT_SOURCE:
        return None, {"kind": "syntax_error", "type": "FileTooLarge", "line": 0, "col": 0,
                      "message": f"your file is larger than {MAX_STUDENT_SOURCE // 1024} KB"}
    try:
        return compile(src, path, "exec", dont_inherit=True), src
    except (SyntaxError, ValueError) as e:
        msg = getattr(e, "msg", None) or str(e)
        return None, {"kind": "syntax_error", "type": type(e).__name__, "message": str(msg)[:500],
                      "line": int(getattr(e, "lineno", None) or 0),
                      "col": int(getattr(e, "offset", None) or 0)}


def _make_workdir(base, name):
    try:
        os.makedirs(base, exist_ok=True)
        path, n = os.path.join(base, name), 0
        while True:
            try:
                os.mkdir(path)
                return path
            except FileExistsError:
                n += 1
                path = os.path.join(base, f"{name}.{n}")
    except OSError:
        return ""


_REPORT_STATUSES = ("ok", "exception", "timeout", "crashed", "import_error")
_CASE_KEYS = {"about": str, "call": str, "error": str, "shown": str, "shown_as": str,
              "status": str, "where": str}


def _accept_report(payload, rec):
    """Copy a tester's report into the check line; False if it is not a well-formed report."""
    try:
        r = decode(payload, no_ref)
    except CodecError:
        return False
    if type(r) is not dict or r.get("status") not in _REPORT_STATUSES or type(r.get("cases")) is not list:
        return False
    for k in ("error", "where", "hint", "stdout_tail", "stderr_tail"):
        if type(r.get(k)) is not str:
            return False
    cases = []
    for c in r["cases"][:MAX_CASES]:
        if type(c) is not dict or any(type(c.get(k)) is not t for k, t in _CASE_KEYS.items()):
            return False
        case = {k: c[k] for k in _CASE_KEYS}
        case["error"] = case["error"][:ERROR_CHARS]
        case["where"] = case["where"][:ERROR_CHARS]
        case["observation"] = labcheck.normalize(c.get("observation")) if c["status"] == "ok" else None
        cases.append(case)
    rec.update(status=r["status"], cases=cases, error=r["error"][:ERROR_CHARS],
               where=r["where"][:ERROR_CHARS], hint=r["hint"][:ERROR_CHARS],
               stdout_tail=r["stdout_tail"][-TAIL_CHARS:], stderr_tail=r["stderr_tail"][-TAIL_CHARS:])
    return True


def run_test(test, zygote, base, budget_ms):
    """One test method: a student process from the zygote, a tester forked from here.
    Returns the check line."""
    timeout = min(test.timeout_ms, budget_ms)
    rec = {"kind": "check", "name": test.name, "status": "crashed", "cases": [], "error": "",
           "hint": "", "where": "", "stdout_tail": "", "stderr_tail": "", "ms": 0}
    if timeout < 10:
        rec.update(status="timeout", error="NotRun: the lab's total time ran out",
                   hint="Earlier tests used up all the time, so this one could not run.")
        return rec
    t0 = now_ms()
    fds, spid, tpid = [], None, None
    try:
        req_r, req_w = os.pipe()
        fds += [req_r, req_w]
        rep_r, rep_w = os.pipe()
        fds += [rep_r, rep_w]
        spid = zygote.spawn(_make_workdir(base, test.name), [req_r, rep_w])
        if spid is None:
            rec.update(error="Crashed: the student's program could not be started",
                       hint=HINTS["killed"])
            return rec
        for fd in (req_r, rep_w):
            fds.remove(fd)
            os.close(fd)
        rpt_r, rpt_w = os.pipe()
        fds += [rpt_r, rpt_w]
        deadline = now_ms() + timeout + GRACE_MS + TAILS_MS     # the tester's timer starts now
        tpid = os.fork()
        if tpid == 0:
            try:
                _tester_main(test, req_w, rep_r, rpt_w, timeout)
            finally:
                os._exit(70)
        for fd in (req_w, rep_r, rpt_w):
            fds.remove(fd)
            os.close(fd)
        try:
            payload = recv(rpt_r, deadline)
        except TimeoutError:
            rec.update(status="timeout", error=f"Timeout: the test took longer than {timeout} ms",
                       hint=HINTS["timeout"])
            return rec
        except (EOFError, CodecError, OSError):
            rec.update(error="Crashed: the test's process was killed", hint=HINTS["killed"])
            return rec
        if not _accept_report(payload, rec):
            rec.update(status="crashed", cases=[], error="Crashed: the test's result could not be read",
                       hint=HINTS["killed"])
        return rec
    finally:
        for fd in fds:
            os.close(fd)
        if tpid is not None:
            kill_group(tpid)
            try:
                os.waitpid(tpid, 0)
            except ChildProcessError:
                pass
        if spid is not None:
            kill_group(spid)
        rec["ms"] = now_ms() - t0


def main(opts, out):
    """Entry point from _harness.main() when --checks-stdin is given.  opts: lab, student,
    result_fd, list; out.line(dict) writes one result line.  Returns the exit status."""
    started = now_ms()
    try:
        cfg = read_lab_ini(os.path.abspath(opts["lab"]))
        if opts.get("list"):
            tests = load_tests(_read_stdin(), cfg["student_module"])
            for t in tests:
                out.line(t.info())
            out.line({"kind": "done", "n": len(tests)})
            return 0
        # (1) the student's file is compiled, never run, in this process
        student = os.path.abspath(opts["student"])
        code, src = _compile_student(student)
        if code is None:
            _read_stdin()                      # let the writer of stdin finish
            out.line(src)
            out.line({"kind": "done", "n": 0})
            return 0
        # (2) the zygote splits off before the tests are read: it can never have seen them
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)
        zygote = Zygote(_Program(code, student, src, cfg["student_module"], cfg))
        try:
            # (3) non-dumpable before the tests are in memory; the testers inherit it
            make_undumpable()
            tests = load_tests(_read_stdin(), cfg["student_module"])
            base = os.path.join(os.getcwd(), ".labwork")
            for t in tests:
                budget = cfg["wall_ms"] - RESERVE_MS - (now_ms() - started)
                out.line(run_test(t, zygote, base, budget))
            out.line({"kind": "done", "n": len(tests)})
        finally:
            zygote.stop()
        return 0
    except HarnessError as e:
        try:
            out.line({"kind": "harness_error", "message": str(e)[:2000]})
        except OSError:
            pass
        sys.stderr.write(f"harness: {e}\n")
        return 2
    except OSError as e:          # the reader of the result fd went away: nothing to report to
        if e.errno not in (32, 9):             # EPIPE, EBADF
            raise
        return 3


# --------------------------------------------------------------------------------------------
# Standalone use, until _harness.main() dispatches here:
#   python3 -I _unittest_mode.py --lab DIR [--student FILE] [--result-fd N] [--list] < checks.py
# --------------------------------------------------------------------------------------------


class _Writer:
    def __init__(self, fd):
        self.fd = fd

    def line(self, rec):
        data = (labcheck.dumps(rec) + "\n").encode("ascii")
        while data:
            data = data[os.write(self.fd, data):]


def cli(argv):
    opts = {"lab": None, "student": None, "result_fd": 1, "list": False, "checks_stdin": True}
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--list":
            opts["list"] = True
        elif a == "--checks-stdin":
            pass
        elif a in ("--lab", "--student", "--result-fd") and args:
            v = args.pop(0)
            opts[a[2:].replace("-", "_")] = int(v) if a == "--result-fd" else v
        else:
            sys.stderr.write(f"harness: unknown or incomplete argument {a!r}\n")
            return 2
    if not opts["lab"] or not (opts["list"] or opts["student"]):
        sys.stderr.write("harness: --lab and --student (or --list) are required\n")
        return 2
    return main(opts, _Writer(opts["result_fd"]))


if __name__ == "__main__":
    import _unittest_mode                      # one copy of this module, not __main__ and another
    sys.exit(_unittest_mode.cli(sys.argv[1:]))
