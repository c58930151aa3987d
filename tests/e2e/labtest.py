"""labtest — infrastructure for labserver's end-to-end tests (Python 3 stdlib only).

One Lab per test process (get_lab()): a private PostgreSQL started with
ops/pg.sh in a fresh directory under the build tree, the schema applied with
`labctl migrate`, an instructor and an admin created with labctl, a
self-signed certificate made with openssl, and labserver started on a free
port with a generated INI file. Its stderr goes to a log file the tests grep
for `ev=...` lines.

Everything started here is stopped on the way out, pass or fail: stop() runs
from tearDownModule, from atexit and on SIGTERM/SIGINT; labserver gets
PR_SET_PDEATHSIG so it dies with us even on SIGKILL, and a small watchdog
process stops PostgreSQL if this process disappears without cleaning up.

Binary paths come from the environment ctest sets (LABCTL, LABSERVER,
LABCLIENT, LAB_BUILD_DIR, LAB_SOURCE_DIR); the defaults suit a build in
<source>/build.

Two ways to talk to the server:
  lab.client(*args, home=..., stdin=...)  the real labclient binary
  RawClient(lab.port)                     hand-written RFC 6455 + protobuf, for
                                          frames labclient would never send
"""

import atexit
import base64
import ctypes
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import struct
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.environ.get("LAB_SOURCE_DIR") or os.path.dirname(os.path.dirname(HERE))
BUILD_DIR = os.environ.get("LAB_BUILD_DIR") or os.path.join(SOURCE_DIR, "build")
LABCTL = os.environ.get("LABCTL") or os.path.join(BUILD_DIR, "ctl", "labctl")
LABSERVER = os.environ.get("LABSERVER") or os.path.join(BUILD_DIR, "server", "labserver")
LABCLIENT = os.environ.get("LABCLIENT") or os.path.join(BUILD_DIR, "client", "labclient")
LABWORKER = os.environ.get("LABWORKER") or os.path.join(BUILD_DIR, "worker", "labworker")
PG_SH = os.path.join(SOURCE_DIR, "ops", "pg.sh")
# Test clusters are thrown away: they run without fsync (ops/run.sh's cluster keeps it on).
os.environ.setdefault("LAB_PG_FSYNC", "off")

# The migrations labctl embeds, as listed in schema/ (NNNN_name.sql).
MIGRATIONS = sorted(f[:-4] for f in os.listdir(os.path.join(SOURCE_DIR, "schema"))
                    if re.match(r"^\d{4}_[a-z0-9_]+\.sql$", f))
SCHEMA_VERSION = len(MIGRATIONS)

INSTRUCTOR = ("teach", "Teach3r-pass")
ADMIN = ("boss", "Adm1n-pass!")
MAX_FRAME = 65536
CONNS_PER_IP = 16

# lab.v1 ErrorCode numbers -> the names labclient prints in --json
ERROR_NAMES = {
    0: "unspecified", 1: "bad_request", 2: "unauthenticated", 3: "forbidden",
    4: "not_found", 5: "rate_limited", 6: "too_large", 7: "unavailable",
    8: "internal", 9: "version_mismatch", 10: "conflict",
}


def log(msg):
    sys.stderr.write("[labtest] %s\n" % msg)
    sys.stderr.flush()


def free_port():
    """A TCP port nobody listens on right now (bind port 0, read it, close)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent():
    """preexec_fn: SIGTERM this child when the test process dies, even by SIGKILL."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass
    os.setpgid(0, 0)


def run(argv, *, stdin=None, env=None, timeout=60, check=False, cwd=None):
    """Run a command; returns (rc, stdout, stderr) as text."""
    p = subprocess.run(argv, input=stdin, env=env, timeout=timeout, capture_output=True,
                       text=True, errors="replace", cwd=cwd)
    if check and p.returncode != 0:
        raise RuntimeError("%s failed (%d):\n%s%s" % (" ".join(argv), p.returncode, p.stdout,
                                                     p.stderr))
    return p.returncode, p.stdout, p.stderr


# ---------------------------------------------------------------------------------------------
# The lab: PostgreSQL + labserver
# ---------------------------------------------------------------------------------------------

class Lab:
    def __init__(self, name):
        self.name = name
        self.dir = os.path.join(BUILD_DIR, "tests", "e2e", "run", "%s-%d" % (name, os.getpid()))
        self.pg_dir = os.path.join(self.dir, "pg")
        self.pg_port = None
        self.conninfo = None
        self.port = None
        self.server = None
        self.workers = []
        self.worker_log_path = os.path.join(self.dir, "labworker.log")
        self.server_log_path = os.path.join(self.dir, "labserver.log")
        self.cert = os.path.join(self.dir, "cert.pem")
        self.key = os.path.join(self.dir, "key.pem")
        self.pg_running = False
        self.watchdog = None
        self.homes = {}
        self.extra_cfg = {}
        self._stopped = False

    # -- lifecycle ------------------------------------------------------------------------------

    def start(self, server=True, extra_cfg=None):
        for path, what in ((LABCTL, "labctl"), (LABSERVER, "labserver"), (LABCLIENT, "labclient")):
            if (what == "labctl" or server) and not os.access(path, os.X_OK):
                raise RuntimeError("%s is not built: %s (build it, or set %s)"
                                   % (what, path, what.upper()))
        self._remove_stale_runs()
        if os.path.exists(self.dir):
            shutil.rmtree(self.dir)
        os.makedirs(self.dir)
        os.chmod(self.dir, 0o755)
        self.start_pg()
        self.migrate()
        self.labctl_ok("user", "add", INSTRUCTOR[0], "--role", "instructor", "--name",
                       "Ms Teach", "--password-stdin", stdin=INSTRUCTOR[1] + "\n")
        self.labctl_ok("user", "add", ADMIN[0], "--role", "admin", "--password-stdin",
                       stdin=ADMIN[1] + "\n")
        if server:
            self.make_cert(self.cert, self.key)
            self.extra_cfg = dict(extra_cfg or {})
            self.start_server()
        return self

    def _remove_stale_runs(self):
        """Delete earlier runs of this test file whose process is gone (the last one is kept
        until the next run, for reading its logs)."""
        parent = os.path.dirname(self.dir)
        if not os.path.isdir(parent):
            return
        for entry in os.listdir(parent):
            m = re.match(re.escape(self.name) + r"-(\d+)$", entry)
            if not m or int(m.group(1)) == os.getpid() or os.path.exists("/proc/" + m.group(1)):
                continue
            path = os.path.join(parent, entry)
            run([PG_SH, "stop", os.path.join(path, "pg")], timeout=120)
            shutil.rmtree(path, ignore_errors=True)

    def start_pg(self):
        if self.pg_port is None:
            self.pg_port = free_port()
        t0 = time.time()
        run([PG_SH, "start", self.pg_dir, str(self.pg_port)], timeout=120, check=True)
        self.pg_running = True
        if self.conninfo is None:
            rc, out, _ = run([PG_SH, "conninfo", self.pg_dir, str(self.pg_port)], check=True)
            self.conninfo = out.strip()
        if self.watchdog is None:
            self._start_watchdog()
        log("postgres on port %d (%.1f s)" % (self.pg_port, time.time() - t0))

    def stop_pg(self):
        run([PG_SH, "stop", self.pg_dir], timeout=120)
        self.pg_running = False

    def _start_watchdog(self):
        # If this process is SIGKILLed (ctest timeout), nobody runs stop(): this shell notices
        # and stops the cluster so no postgres outlives the test.
        script = ('while kill -0 %d 2>/dev/null; do sleep 1; done; "%s" stop "%s" >/dev/null 2>&1'
                  % (os.getpid(), PG_SH, self.pg_dir))
        self.watchdog = subprocess.Popen(["sh", "-c", script], stdin=subprocess.DEVNULL,
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                         start_new_session=True)

    def make_cert(self, cert, key, cn="localhost"):
        run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
             "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=" + cn,
             "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert],
            check=True)
        os.chmod(key, 0o600)

    def write_config(self, path=None):
        path = path or os.path.join(self.dir, "labserver.ini")
        cfg = {
            "listen.address": "127.0.0.1",
            "listen.port": str(self.port),
            "tls.enabled": "true",
            "tls.cert": self.cert,
            "tls.key": self.key,
            "db.conninfo": self.conninfo,
            "ws.max_frame": str(MAX_FRAME),
            "ws.ping_s": "600",
            "ws.hangup_s": "1200",
            "limits.conns_per_ip": str(CONNS_PER_IP),
            "limits.requests_per_s": "1000",
            "limits.burst": "1000",
            "auth.max_login_failures": "1000",
            "log.level": "debug",
            "server.shutdown_grace_s": "1",
        }
        cfg.update(self.extra_cfg)
        sections = {}
        for k, v in cfg.items():
            sec, key = k.split(".", 1)
            sections.setdefault(sec, []).append((key, v))
        with open(path, "w") as f:
            f.write("; generated by tests/e2e/labtest.py\n")
            for sec, items in sections.items():
                f.write("\n[%s]\n" % sec)
                for k, v in items:
                    f.write("%s = %s\n" % (k, v))
        return path

    def start_server(self, cert=None, key=None):
        if cert:
            self.cert, self.key = cert, key
        if self.port is None:
            self.port = free_port()
        cfg = self.write_config()
        logf = open(self.server_log_path, "ab")
        logf.write(b"---- labserver start ----\n")
        logf.flush()
        self.server = subprocess.Popen([LABSERVER, "--config", cfg], stdin=subprocess.DEVNULL,
                                       stdout=logf, stderr=logf, preexec_fn=_die_with_parent)
        logf.close()
        deadline = time.time() + 20
        while time.time() < deadline:
            if self.server.poll() is not None:
                raise RuntimeError("labserver exited with %s during startup; log:\n%s"
                                   % (self.server.returncode, self.server_log()[-3000:]))
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    pass
                log("labserver on port %d (pid %d)" % (self.port, self.server.pid))
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("labserver did not accept connections on port %d within 20 s; log:\n%s"
                           % (self.port, self.server_log()[-3000:]))

    def stop_server(self):
        p, self.server = self.server, None
        if p is None or p.poll() is not None:
            return
        try:
            os.killpg(p.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            log("labserver ignored SIGTERM for 10 s: SIGKILL")
            os.killpg(p.pid, signal.SIGKILL)
            p.wait(timeout=10)

    def stop(self):
        if self._stopped:
            return
        self._stopped = True
        try:
            self.stop_workers()
            self.stop_server()
        finally:
            if self.pg_running or self.pg_port:
                self.stop_pg()
            if self.watchdog:
                self.watchdog.kill()
                self.watchdog.wait()

    # -- labworker ------------------------------------------------------------------------------

    def start_worker(self, slots=1, lease_s=30, **settings):
        """Start one labworker process; returns its Popen. Its log is labworker.log."""
        if not os.access(LABWORKER, os.X_OK):
            raise RuntimeError("labworker is not built: %s" % LABWORKER)
        argv = [LABWORKER, "--db", self.conninfo, "--slots", str(slots),
                "--set", "worker.lease_s=%d" % lease_s, "--set", "worker.poll_ms=200",
                "--set", "worker.lab_dir=%s" % os.path.join(self.dir, "worker-labs")]
        for k, v in settings.items():
            argv += ["--set", "%s=%s" % (k.replace("__", "."), v)]
        logf = open(self.worker_log_path, "ab")
        p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=logf, stderr=logf,
                             preexec_fn=_die_with_parent)
        logf.close()
        self.workers.append(p)
        deadline = time.time() + 20
        while time.time() < deadline:
            if p.poll() is not None:
                raise RuntimeError("labworker exited with %s; log:\n%s"
                                   % (p.returncode, self.worker_log()[-3000:]))
            if "ev=worker.started" in self.worker_log():
                return p
            time.sleep(0.05)
        raise RuntimeError("labworker did not start within 20 s")

    def kill_worker(self, p, sig=signal.SIGKILL):
        if p.poll() is None:
            p.send_signal(sig)
        p.wait(timeout=30)
        if p in self.workers:
            self.workers.remove(p)

    def stop_workers(self):
        for p in list(self.workers):
            try:
                self.kill_worker(p, signal.SIGTERM)
            except subprocess.TimeoutExpired:
                self.kill_worker(p, signal.SIGKILL)

    def worker_log(self):
        try:
            with open(self.worker_log_path, "r", errors="replace") as f:
                return f.read()
        except FileNotFoundError:
            return ""

    # -- database -------------------------------------------------------------------------------

    def labctl(self, *args, stdin=None, conninfo=None, timeout=60, db=True):
        argv = [LABCTL] + (["--db", conninfo or self.conninfo] if db else []) + list(args)
        return run(argv, stdin=stdin, timeout=timeout)

    def labctl_ok(self, *args, **kw):
        rc, out, err = self.labctl(*args, **kw)
        if rc != 0:
            raise RuntimeError("labctl %s failed (%d): %s%s" % (" ".join(args), rc, out, err))
        return out

    def migrate(self):
        return self.labctl_ok("migrate")

    def psql(self, sql, conninfo=None, **variables):
        """Run SQL with psql; :'name' in @sql is replaced by psql with a quoted @variables[name]."""
        argv = ["psql", conninfo or self.conninfo, "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1"]
        for k, v in variables.items():
            argv += ["-v", "%s=%s" % (k, v)]
        rc, out, err = run(argv, stdin=sql, timeout=60)
        if rc != 0:
            raise RuntimeError("psql failed: %s\nSQL: %s" % (err, sql))
        return out.strip()

    def add_lab(self, lab_id, title, statement="Write a function.", starter="def f():\n    pass\n",
                points=10, section="basics"):
        self.psql("INSERT INTO labs (id, title, section, points, statement_md, starter, version,"
                  " roadmap_items, sort_key) VALUES (:'id', :'title', :'section', :points,"
                  " :'stmt', :'starter', 'v1', ARRAY['1.1'], :'id')",
                  id=lab_id, title=title, section=section, points=points, stmt=statement,
                  starter=starter)

    # -- labserver log --------------------------------------------------------------------------

    def server_log(self):
        try:
            with open(self.server_log_path, "r", errors="replace") as f:
                return f.read()
        except FileNotFoundError:
            return ""

    def log_mark(self):
        return len(self.server_log())

    def log_events(self, ev, since=0):
        """Log lines with ev=@ev written after @since (a log_mark())."""
        return [l for l in self.server_log()[since:].splitlines()
                if re.search(r"(^| )ev=%s( |$)" % re.escape(ev), l)]

    def wait_log(self, ev, since=0, timeout=5):
        deadline = time.time() + timeout
        while time.time() < deadline:
            found = self.log_events(ev, since)
            if found:
                return found
            time.sleep(0.05)
        return []

    def server_alive(self):
        return self.server is not None and self.server.poll() is None

    # -- labclient ------------------------------------------------------------------------------

    @property
    def url(self):
        return "wss://127.0.0.1:%d" % self.port

    def home(self, who):
        """A per-person HOME (and XDG_CONFIG_HOME inside it), created on first use."""
        if who not in self.homes:
            h = os.path.join(self.dir, "home", who)
            os.makedirs(h, exist_ok=True)
            os.chmod(h, 0o700)
            self.homes[who] = h
        return self.homes[who]

    def client_env(self, home):
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("LAB", "XDG_", "SSL_"))}
        env.update(HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"), NO_COLOR="1",
                   TERM="dumb")
        return env

    def client(self, *args, home, stdin=None, timeout=30, server=True, cwd=None):
        """Run labclient as the person owning @home (in @cwd); returns (rc, stdout, stderr)."""
        argv = [LABCLIENT] + (["--server", self.url] if server else []) + list(args)
        try:
            return run(argv, stdin=stdin if stdin is not None else "",
                       env=self.client_env(home), timeout=timeout, cwd=cwd)
        except subprocess.TimeoutExpired:
            return 124, "", "labclient timed out after %d s" % timeout

    def cj(self, *args, home, stdin=None, timeout=30, server=True, cwd=None):
        """labclient --json: returns (rc, parsed object or None, stdout, stderr)."""
        rc, out, err = self.client("--json", *args, home=home, stdin=stdin, timeout=timeout,
                                   server=server, cwd=cwd)
        try:
            obj = json.loads(out)
            if not isinstance(obj, dict):
                obj = None
        except ValueError:
            obj = None
        return rc, obj, out, err

    def token_path(self, home):
        return os.path.join(home, ".config", "labclient", "token")

    # -- convenience ----------------------------------------------------------------------------

    def create_cohort(self, name, owner=INSTRUCTOR[0]):
        out = self.labctl_ok("--json", "cohort", "create", name, "--owner", owner)
        return json.loads(out)["cohort"]["join_code"]

    def register(self, username, password, code, name=None, home=None):
        home = home or self.home(username)
        args = ["register", username, "--code", code, "--password-stdin"]
        if name is not None:
            args += ["--name", name]
        return self.cj(*args, home=home, stdin=password + "\n")

    def login(self, username, password, home=None):
        home = home or self.home(username)
        return self.cj("login", username, "--password-stdin", home=home, stdin=password + "\n")


_LAB = None


def get_lab(name, server=True, extra_cfg=None):
    """The process-wide Lab, started on first call; @name names its directory."""
    global _LAB
    if _LAB is None:
        lab = Lab(re.sub(r"[^A-Za-z0-9_.-]", "_", name))
        _LAB = lab
        try:
            lab.start(server=server, extra_cfg=extra_cfg)
        except BaseException:
            lab.stop()
            raise
    return _LAB


def stop_lab():
    """Stop the Lab; a later get_lab() (another module in the same process) starts a new one."""
    global _LAB
    lab, _LAB = _LAB, None
    if lab is not None:
        lab.stop()


def _on_signal(signum, frame):
    stop_lab()
    os._exit(128 + signum)


atexit.register(stop_lab)
signal.signal(signal.SIGTERM, _on_signal)
signal.signal(signal.SIGINT, _on_signal)


# ---------------------------------------------------------------------------------------------
# Protobuf, by hand (proto/lab.proto)
# ---------------------------------------------------------------------------------------------

def pb_varint(n):
    if n < 0:
        n += 1 << 64
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def pb(*fields):
    """Encode (number, value) pairs: int -> varint, str/bytes -> length-delimited, None -> skip.
    A list value repeats the field. Nested messages are passed as already-encoded bytes.
    Like every proto3 encoder, int 0 and str "" (the defaults) are not written; bytes always
    are, so an empty nested message (Ok, ListLabsRequest) is still present."""
    out = bytearray()
    for num, val in fields:
        if val is None or (isinstance(val, (int, str)) and not val):
            continue
        vals = val if isinstance(val, list) else [val]
        for v in vals:
            if isinstance(v, bool):
                v = int(v)
            if isinstance(v, int):
                out += pb_varint(num << 3 | 0) + pb_varint(v)
            else:
                if isinstance(v, str):
                    v = v.encode()
                out += pb_varint(num << 3 | 2) + pb_varint(len(v)) + v
    return bytes(out)


def pb_decode(buf):
    """Decode one message into {field number: [values]} (ints for varints, bytes otherwise)."""
    fields = {}
    i = 0

    def varint():
        nonlocal i
        shift = n = 0
        while True:
            if i >= len(buf):
                raise ValueError("truncated varint")
            b = buf[i]
            i += 1
            n |= (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                return n

    while i < len(buf):
        key = varint()
        num, wt = key >> 3, key & 7
        if wt == 0:
            v = varint()
        elif wt == 2:
            n = varint()
            v = bytes(buf[i:i + n])
            if len(v) != n:
                raise ValueError("truncated field")
            i += n
        elif wt == 1:
            v = struct.unpack_from("<Q", buf, i)[0]
            i += 8
        elif wt == 5:
            v = struct.unpack_from("<I", buf, i)[0]
            i += 4
        else:
            raise ValueError("wire type %d" % wt)
        fields.setdefault(num, []).append(v)
    return fields


BODY = {
    "error": 10, "hello": 11, "hello_ok": 12, "ok": 13,
    "register_req": 20, "login_req": 21, "resume_req": 22, "auth_ok": 23, "logout_req": 24,
    "list_labs_req": 40, "lab_list": 41, "get_lab_req": 42, "lab_detail": 43,
    "cohort_create_req": 60, "cohort_join_req": 61, "cohort_list_req": 62, "cohort_list": 63,
    "cohort_roster_req": 64, "roster": 65, "cohort": 66,
    "submit_req": 80, "submit_ack": 81, "progress": 82, "result": 83, "list_results_req": 84,
    "result_list": 85, "get_board_req": 100, "board": 101,
    "live_start_req": 120, "live_notice": 121, "live_end_req": 122, "live_watch_req": 123,
    "live_board": 124, "roster_add_req": 130, "roster_remove_req": 131,
    "reset_password_req": 132, "student_results_req": 133, "submission_code_req": 134,
    "submission_code": 135, "cohort_lab_req": 136, "gradebook_req": 137, "gradebook": 138,
    "board_mode_req": 139, "set_display_name_req": 140,
}
BODY_NAME = {v: k for k, v in BODY.items()}


class Msg:
    """A decoded message: m.get(n) first value of field n, m.all(n) every value, m.sub(n) nested."""

    def __init__(self, raw):
        self.raw = raw
        self.f = pb_decode(raw)

    def get(self, num, default=None):
        v = self.f.get(num)
        return v[0] if v else default

    def all(self, num):
        return self.f.get(num, [])

    def str(self, num):
        v = self.get(num, b"")
        return v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)

    def sub(self, num):
        return Msg(self.get(num, b""))

    def subs(self, num):
        return [Msg(v) for v in self.all(num)]


class Env(Msg):
    """A decoded Envelope."""

    def __init__(self, raw):
        super().__init__(raw)
        self.id = self.get(1, 0)
        self.reply_to = self.get(2, 0)
        self.kind = None
        for num in self.f:
            if num in BODY_NAME:
                self.kind = BODY_NAME[num]
                self.body = Msg(self.get(num))
        if self.kind is None:
            self.body = Msg(b"")

    @property
    def error_code(self):
        return ERROR_NAMES.get(self.body.get(1, 0), "?") if self.kind == "error" else None

    @property
    def error_text(self):
        return self.body.str(2) if self.kind == "error" else None

    def __repr__(self):
        if self.kind == "error":
            return "<Env error %s %r reply_to=%d>" % (self.error_code, self.error_text,
                                                       self.reply_to)
        return "<Env %s id=%d reply_to=%d>" % (self.kind, self.id, self.reply_to)


def envelope(kind, body=b"", id=0, reply_to=0):
    return pb((1, id or None), (2, reply_to or None), (BODY[kind], body))


# ---------------------------------------------------------------------------------------------
# WebSocket, by hand (RFC 6455)
# ---------------------------------------------------------------------------------------------

class HandshakeError(Exception):
    def __init__(self, status, text):
        super().__init__("websocket handshake failed: %s" % text)
        self.status = status
        self.text = text


class Closed(Exception):
    def __init__(self, code, reason=""):
        super().__init__("connection closed (code %s %r)" % (code, reason))
        self.code = code
        self.reason = reason


class WS:
    GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    def __init__(self, port, host="127.0.0.1", subprotocol="lab.v1", timeout=10, tls=True):
        self.buf = b""
        self.closed = None
        raw = socket.create_connection((host, port), timeout=timeout)
        if tls:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            try:
                self.sock = ctx.wrap_socket(raw, server_hostname="localhost")
            except (OSError, ssl.SSLError) as e:
                raw.close()
                raise HandshakeError(None, "TLS: %s" % e)
        else:
            self.sock = raw
        key = base64.b64encode(secrets.token_bytes(16)).decode()
        req = ("GET / HTTP/1.1\r\nHost: %s:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n" % (host, port, key))
        if subprotocol:
            req += "Sec-WebSocket-Protocol: %s\r\n" % subprotocol
        try:
            self.sock.sendall((req + "\r\n").encode())
            head = self._read_until(b"\r\n\r\n")
        except (OSError, Closed) as e:
            self.sock.close()
            raise HandshakeError(None, "no HTTP answer: %s" % e)
        lines = head.decode("latin-1").split("\r\n")
        status = lines[0].split(" ")
        code = int(status[1]) if len(status) > 1 and status[1].isdigit() else None
        headers = {}
        for l in lines[1:]:
            if ":" in l:
                k, v = l.split(":", 1)
                headers[k.strip().lower()] = v.strip()
        if code != 101:
            self.sock.close()
            raise HandshakeError(code, lines[0])
        want = base64.b64encode(hashlib.sha1((key + self.GUID).encode()).digest()).decode()
        if headers.get("sec-websocket-accept") != want:
            self.sock.close()
            raise HandshakeError(code, "bad Sec-WebSocket-Accept")
        self.protocol = headers.get("sec-websocket-protocol")

    def _read_until(self, marker):
        while marker not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise Closed(None, "EOF")
            self.buf += chunk
        i = self.buf.index(marker) + len(marker)
        out, self.buf = self.buf[:i], self.buf[i:]
        return out

    def _read(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise Closed(None, "EOF")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def send_frame(self, opcode, payload=b"", fin=True):
        head = bytes([(0x80 if fin else 0) | opcode])
        n = len(payload)
        if n < 126:
            head += bytes([0x80 | n])
        elif n < 65536:
            head += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            head += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = secrets.token_bytes(4)
        masked = bytes(b ^ mask[i & 3] for i, b in enumerate(payload)) if n < 4096 else \
            _xor_mask(payload, mask)
        self.sock.sendall(head + mask + masked)

    def recv_frame(self):
        b0, b1 = self._read(2)
        n = b1 & 0x7F
        if n == 126:
            n = struct.unpack(">H", self._read(2))[0]
        elif n == 127:
            n = struct.unpack(">Q", self._read(8))[0]
        if b1 & 0x80:
            mask = self._read(4)
            payload = _xor_mask(self._read(n), mask)
        else:
            payload = self._read(n)
        return bool(b0 & 0x80), b0 & 0x0F, payload

    def recv_message(self):
        """The next data message as (opcode, payload); answers pings; raises Closed on close."""
        parts, op = [], None
        while True:
            try:
                fin, opcode, payload = self.recv_frame()
            except (ConnectionResetError, BrokenPipeError, ssl.SSLError) as e:
                self.closed = Closed(None, str(e))
                raise self.closed
            if opcode == 9:
                self.send_frame(10, payload)
                continue
            if opcode == 10:
                continue
            if opcode == 8:
                code = struct.unpack(">H", payload[:2])[0] if len(payload) >= 2 else None
                self.closed = Closed(code, payload[2:].decode("utf-8", "replace"))
                try:
                    self.send_frame(8, payload[:2])
                except OSError:
                    pass
                raise self.closed
            if opcode != 0:
                op = opcode
            parts.append(payload)
            if fin:
                return op, b"".join(parts)

    def expect_close(self, timeout=10):
        """Read until the server closes; returns the close code (None for a bare EOF/reset)."""
        self.sock.settimeout(timeout)
        try:
            while True:
                self.recv_message()
        except Closed as c:
            return c.code
        except OSError:
            return None

    def close(self):
        try:
            if not self.closed:
                self.send_frame(8, struct.pack(">H", 1000))
        except OSError:
            pass
        try:
            self.sock.close()
        except OSError:
            pass


def _xor_mask(data, mask):
    n = len(data)
    m = (mask * (n // 4 + 1))[:n]
    return (int.from_bytes(data, "big") ^ int.from_bytes(m, "big")).to_bytes(n, "big")


class RawClient(WS):
    """A lab.v1 client that can say anything: Hello, requests, and deliberately bad frames."""

    def __init__(self, port, hello=True, **kw):
        super().__init__(port, **kw)
        self.next_id = 1
        self.pushes = []
        if hello:
            try:
                env = self.request("hello", pb((1, 0), (2, 0), (3, "labtest/1")))
                if env.kind != "hello_ok":
                    raise RuntimeError("hello answered with %r" % env)
            except BaseException:
                self.close()
                raise
            self.hello_ok = env

    def send_env(self, kind, body=b""):
        i = self.next_id
        self.next_id += 1
        self.send_frame(2, envelope(kind, body, id=i))
        return i

    def recv_env(self, timeout=10):
        self.sock.settimeout(timeout)
        op, payload = self.recv_message()
        if op != 2:
            raise RuntimeError("server sent a non-binary message (opcode %d)" % op)
        return Env(payload)

    def wait_reply(self, i, timeout=10):
        deadline = time.time() + timeout
        while True:
            env = self.recv_env(max(0.1, deadline - time.time()))
            # an error about a frame the server could not decode cannot name our id
            if env.reply_to == i or (env.kind == "error" and env.reply_to == 0):
                return env
            self.pushes.append(env)

    def request(self, kind, body=b"", timeout=10):
        return self.wait_reply(self.send_env(kind, body), timeout)

    # requests by name
    def login(self, user, password):
        return self.request("login_req", pb((1, user), (2, password)))

    def register(self, user, password, code, name=""):
        return self.request("register_req", pb((1, user), (2, password), (3, code), (4, name)))

    def resume(self, token):
        return self.request("resume_req", pb((1, token)))

    def list_labs(self):
        return self.request("list_labs_req")

    def get_lab(self, lab_id):
        return self.request("get_lab_req", pb((1, lab_id)))

    def cohort_create(self, name):
        return self.request("cohort_create_req", pb((1, name)))

    def cohort_join(self, code):
        return self.request("cohort_join_req", pb((1, code)))

    def cohort_list(self):
        return self.request("cohort_list_req")

    def roster(self, cohort):
        return self.request("cohort_roster_req", pb((1, cohort)))


# ---------------------------------------------------------------------------------------------
# Assertion helpers shared by the scenario files
# ---------------------------------------------------------------------------------------------

def jfind(obj, key):
    """Every value stored under @key anywhere inside a parsed JSON value."""
    found = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == key:
                found.append(v)
            found += jfind(v, key)
    elif isinstance(obj, list):
        for v in obj:
            found += jfind(v, key)
    return found


def error_code(obj):
    """The error code of a labclient --json answer, or None when it is not an error."""
    if isinstance(obj, dict) and obj.get("ok") is False and isinstance(obj.get("error"), dict):
        return obj["error"].get("code")
    return None


# labclient reports a session the server refused (forged, expired, logged out, revoked) as
# exit 4; the wire says unauthenticated, the client may call it not_logged_in.
SESSION_REFUSED = ("unauthenticated", "not_logged_in")


def describe(rc, obj, out, err):
    return "rc=%s\nstdout: %s\nstderr: %s" % (rc, out.strip()[:2000], err.strip()[:2000])
