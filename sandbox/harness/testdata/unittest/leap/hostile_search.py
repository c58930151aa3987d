"""Hostile student file: searches everywhere a student process can reach for the tests' expected
value, and reports what it found as its return value (so a finding would be in the result line).

It knows the secret's prefix and the SHA-256 of the whole secret, never the secret itself, so its
own memory cannot contain it.  A canary with the same prefix, made at run time, proves that the
memory scan really finds strings that are there."""

import builtins
import gc
import hashlib
import os
import sys
import types

PREFIX = "ZQX-SECRET-"
SECRET_SHA256 = "92bce003ebc5427fc5d35715acdd271332b6ddc0c65878eabc0aa56477a6a259"
ENCODINGS = ("utf-8", "utf-16-le", "utf-32-le")      # how a str can sit in memory
MAX_READ = 768 << 20


def leap_year(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def describe_year(year):
    return f"{year} is {'a' if leap_year(year) else 'not a'} leap year"


class Finder:
    def __init__(self):
        self.canary = PREFIX + "".join(reversed("1234"))     # made here, never in the source
        self.canary_sha = hashlib.sha256(self.canary.encode()).hexdigest()
        self.leaks, self.canary_in = set(), set()
        self.n = dict(pids=0, mem_read=0, mem_denied=0, bytes=0, fds=0, files=0, objs=0,
                      frames=0, ptrace=0)
        self.lab_dirs = set()

    # -- matching ---------------------------------------------------------------------------

    def bytes_(self, data, where):
        for enc in ENCODINGS:
            needle = PREFIX.encode(enc)
            width = len((PREFIX + "0000").encode(enc))
            i = data.find(needle)
            while i >= 0:
                try:
                    cand = bytes(data[i:i + width]).decode(enc).encode()
                except UnicodeDecodeError:
                    cand = b""
                h = hashlib.sha256(cand).hexdigest()
                if h == SECRET_SHA256:
                    self.leaks.add(where)
                elif h == self.canary_sha:
                    self.canary_in.add(where.split(" ")[0])
                i = data.find(needle, i + 1)

    def text(self, s, where):
        if PREFIX in s:
            self.bytes_(s.encode("utf-8", "surrogatepass"), where)

    # -- /proc ------------------------------------------------------------------------------

    def read_path(self, path, where, limit=1 << 20):
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        except OSError:
            return False
        try:
            self.bytes_(os.read(fd, limit), where)
            self.n["files"] += 1
        except OSError:
            pass
        finally:
            os.close(fd)
        return True

    def memory(self, pid):
        try:
            with open(f"/proc/{pid}/maps") as f:
                maps = f.read()
            fd = os.open(f"/proc/{pid}/mem", os.O_RDONLY)
        except OSError:
            self.n["mem_denied"] += 1
            return
        self.n["mem_read"] += 1
        try:
            for line in maps.splitlines():
                parts = line.split()
                if parts[1][0] != "r" or line.endswith(("[vvar]", "[vsyscall]")):
                    continue
                lo, hi = (int(x, 16) for x in parts[0].split("-"))
                pos, prev = lo, b""
                while pos < hi and self.n["bytes"] < MAX_READ:
                    try:
                        data = os.pread(fd, min(4 << 20, hi - pos), pos)
                    except OSError:
                        break
                    if not data:
                        break
                    self.n["bytes"] += len(data)
                    self.bytes_(data, f"mem {pid}")
                    self.bytes_(prev + data[:128], f"mem {pid}")
                    prev = data[-128:]
                    pos += len(data)
        finally:
            os.close(fd)

    def ptrace(self, pid):
        try:
            import ctypes
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.ptrace(16, pid, 0, 0) == 0:         # PTRACE_ATTACH
                self.n["ptrace"] += 1
                os.waitpid(pid, 0x40000000)              # __WALL: wait for the stop
                libc.ptrace(17, pid, 0, 0)               # PTRACE_DETACH
        except Exception:
            pass

    def in_run(self, pid, harness):
        """True for the harness and its descendants.  The search never touches anything
        else: run as root (the control test), reading another program's pipe from
        /proc/<pid>/fd or ptrace-stopping it would disturb that program (ctest, for one,
        lost its libuv lock byte to this search and hung)."""
        for _ in range(64):
            if pid == harness:
                return True
            if pid <= 1:
                return False
            try:
                pid = self.ppid(pid)
            except (OSError, ValueError, IndexError):
                return False
        return False

    def processes(self):
        me = os.getpid()
        harness = self.ppid(os.getppid())          # our zygote's parent
        for p in os.listdir("/proc"):
            if not p.isdigit() or not self.in_run(int(p), harness):
                continue
            self.n["pids"] += 1
            base = f"/proc/{p}"
            try:
                with open(f"{base}/cmdline", "rb") as f:
                    args = f.read().split(b"\0")
                self.bytes_(b" ".join(args), f"cmdline {p}")
                for i, a in enumerate(args[:-1]):
                    if a == b"--lab" and int(p) == harness:
                        self.lab_dirs.add(os.fsdecode(args[i + 1]))
            except OSError:
                pass
            self.read_path(f"{base}/environ", f"environ {p}")
            try:
                fds = os.listdir(f"{base}/fd")
            except OSError:
                fds = []
            for fd in fds:
                self.n["fds"] += 1
                try:
                    self.bytes_(os.fsencode(os.readlink(f"{base}/fd/{fd}")), f"fdlink {p}")
                except OSError:
                    pass
                self.read_path(f"{base}/fd/{fd}", f"fd {p}/{fd}")
            if int(p) != me:
                self.ptrace(int(p))
            self.memory(p)

    def own_fds(self):
        for fd in range(1024):
            try:
                os.fstat(fd)
            except OSError:
                continue
            self.n["fds"] += 1
            try:
                self.bytes_(os.pread(fd, 1 << 20, 0), f"ownfd {fd}")
            except OSError:
                self.read_path(f"/proc/self/fd/{fd}", f"ownfd {fd}")

    @staticmethod
    def ppid(pid):
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[1])

    def lab_files(self):
        # the harness's lab folder (from its command line), the student's folder and cwd: every
        # file there is read, checks.py first if it exists
        for d in self.lab_dirs | {os.path.dirname(os.path.abspath(sys.argv[0])), os.getcwd()}:
            self.read_path(os.path.join(d, "checks.py"), "checks.py")
            try:
                names = os.listdir(d)
            except OSError:
                continue
            for name in names:
                self.read_path(os.path.join(d, name), f"file {name}")

    # -- this interpreter's objects ---------------------------------------------------------

    def objects(self, roots, where):
        keep, stack = {}, list(roots)
        while stack and len(keep) < 2_000_000:
            o = stack.pop()
            if id(o) in keep:
                continue
            keep[id(o)] = o
            self.n["objs"] += 1
            t = type(o)
            if t is str:
                self.text(o, where)
            elif t in (bytes, bytearray):
                self.bytes_(o, where)
            elif t is dict:
                stack.extend(o.keys())
                stack.extend(o.values())
            elif t in (list, tuple, set, frozenset):
                stack.extend(o)
            elif t is types.FrameType:
                self.n["frames"] += 1
                stack += [o.f_locals, o.f_globals, o.f_code, o.f_back]
            elif t is types.CodeType:
                stack.extend(o.co_consts)
                stack.extend(o.co_names)
            elif t is types.FunctionType:
                stack += [o.__code__, o.__globals__, o.__closure__ or (), o.__defaults__ or ()]
            elif t is types.CellType:
                try:
                    stack.append(o.cell_contents)
                except ValueError:
                    pass
            elif isinstance(o, (type, types.ModuleType)):
                stack.append(dict(vars(o)))
            else:
                try:
                    stack.append(dict(vars(o)))
                except TypeError:
                    pass
                stack.extend(gc.get_referents(o))

    def report(self):
        self.objects([sys._getframe()], "frames")
        self.objects(list(sys.modules.values()) + [vars(builtins)], "modules")
        self.objects(gc.get_objects(), "gc")
        self.own_fds()
        self.processes()
        self.lab_files()
        leaks = ",".join(sorted(self.leaks))[:120] or "none"
        counts = " ".join(f"{k}={v}" for k, v in self.n.items() if k != "bytes")
        return f"leaks={leaks} canary={'+'.join(sorted(self.canary_in)) or 'no'} {counts}"


def code_word():
    return Finder().report()
