"""bench_fanout — live-exercise fan-out over TLS across two labservers (issue 5).

Sets up a private PostgreSQL (tests/e2e/labtest.py), the schema, an instructor, a cohort
"bench", the catalog lab b-hello-world verified and made live by a labworker, and max(N)
students inserted with ONE SQL statement (users, memberships and sessions whose token_hash is
sha256(token), token = sha256hex("bench-token-<i>"), so no Argon2 hash per student). Then, for
each N, two fresh labserver instances sharing that database, and the C load generator
(bench_fanout, one epoll loop) connects N students (alternating the two instances) and the
instructor (instance A) and prints:

  (a) instructor push -> each student's LiveNotice: median, p99, time to the last student,
      over several pushes (LiveStartRequest from the instructor, each one replaces the last)
  (b) labserver RSS growth per idle TLS connection (VmRSS before connecting and after all N
      are connected and idle for a second)
  (c) a mass reconnect of RECONNECT_N students after both instances are restarted (SIGTERM,
      start again on the same ports): time until all have resumed, and the peak number of
      handshakes in flight, clients backing off exponentially (100 ms doubling to 5 s) with
      full jitter

Targets (issue 5), printed next to the figures and never asserted (noisy machine):
1000 students p99 < 20 ms, 5000 students p99 < 60 ms, < 32 KiB per idle TLS connection.

    LAB_BUILD_DIR=build /usr/bin/python3 tests/bench/bench_fanout.py [N ...]
    env: BENCH_FANOUT_N="100 1000 5000"  BENCH_FANOUT_PUSHES=5  BENCH_FANOUT_WARMUP=1
         BENCH_FANOUT_RECONNECT_N=1000
         BENCH_FANOUT_TOOL=path/to/bench_fanout
"""

import os
import re
import statistics
import resource
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "e2e"))

import labtest  # noqa: E402

ENV_N = os.environ.get("BENCH_FANOUT_N", "").split()
NS = [int(x) for x in (sys.argv[1:] or ENV_N or ["100", "1000", "5000"])]
PUSHES = int(os.environ.get("BENCH_FANOUT_PUSHES", "5"))
WARMUP = int(os.environ.get("BENCH_FANOUT_WARMUP", "1"))
RECONNECT_N = int(os.environ.get("BENCH_FANOUT_RECONNECT_N", "1000"))
TOOL = os.environ.get("BENCH_FANOUT_TOOL") or os.path.join(labtest.BUILD_DIR, "tests", "bench",
                                                           "bench_fanout")
LAB_DIR = os.path.join(labtest.SOURCE_DIR, "labs", "1-beginner", "b-hello-world")
TARGET_P99 = {1000: 20.0, 5000: 60.0}
TARGET_KIB = 32.0


def log(msg):
    sys.stderr.write("[bench_fanout] %s\n" % msg)
    sys.stderr.flush()


def raise_nofile():
    want = 65536
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, max(want, hard)))
    except (ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


class Server:
    """One labserver instance on a fixed port with its own INI file and log."""

    def __init__(self, lab, name, port):
        self.lab, self.name, self.port = lab, name, port
        self.proc = None
        self.log_path = os.path.join(lab.dir, "labserver-%s.log" % name)
        self.cfg = os.path.join(lab.dir, "labserver-%s.ini" % name)
        cfg = {
            "listen": {"address": "127.0.0.1", "port": str(port)},
            "tls": {"enabled": "true", "cert": lab.cert, "key": lab.key},
            "db": {"conninfo": lab.conninfo},
            "ws": {"ping_s": "600", "hangup_s": "1200"},
            "limits": {"conns_per_ip": "10000", "requests_per_s": "1000", "burst": "1000"},
            "log": {"level": "info"},  # info: live.notice_pushed carries server-side timings
            "server": {"shutdown_grace_s": "1"},
        }
        with open(self.cfg, "w") as f:
            for sec, items in cfg.items():
                f.write("[%s]\n" % sec)
                for k, v in items.items():
                    f.write("%s = %s\n" % (k, v))

    def start(self):
        logf = open(self.log_path, "ab")
        self.proc = subprocess.Popen([labtest.LABSERVER, "--config", self.cfg],
                                     stdin=subprocess.DEVNULL, stdout=logf, stderr=logf,
                                     preexec_fn=labtest._die_with_parent)
        logf.close()
        deadline = time.time() + 20
        import socket
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("labserver %s exited with %s; log:\n%s"
                                   % (self.name, self.proc.returncode, self.tail()))
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.02)
        raise RuntimeError("labserver %s did not listen within 20 s" % self.name)

    def stop(self, timeout=15):
        p, self.proc = self.proc, None
        if p is None or p.poll() is not None:
            return
        try:
            os.killpg(p.pid, signal.SIGTERM)
            p.wait(timeout=timeout)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            log("labserver %s ignored SIGTERM: SIGKILL" % self.name)
            os.killpg(p.pid, signal.SIGKILL)
            p.wait(timeout=10)

    def mark(self):
        try:
            return os.path.getsize(self.log_path)
        except OSError:
            return 0

    def notices(self, since):
        """key=value fields of the live.notice_pushed events (not 'ended') after @since."""
        out = []
        try:
            with open(self.log_path, "rb") as f:
                f.seek(since)
                text = f.read().decode("utf-8", "replace")
        except OSError:
            return out
        for line in text.splitlines():
            if "ev=live.notice_pushed" in line and "ended=false" in line:
                out.append(dict(re.findall(r"(\w+)=(\S+)", line)))
        return out

    def tail(self):
        try:
            with open(self.log_path, "r", errors="replace") as f:
                return f.read()[-3000:]
        except FileNotFoundError:
            return ""


def insert_students(lab, n):
    lab.psql("""
WITH u AS (
  INSERT INTO users (username, display_name, role, password_hash)
  SELECT 'bench-s' || i, 'Bench student ' || i, 'student', 'bench-no-password'
  FROM generate_series(0, :n - 1) AS i
  RETURNING id, username),
m AS (
  INSERT INTO memberships (cohort_id, user_id, role)
  SELECT c.id, u.id, 'student' FROM u, cohorts c WHERE c.name = 'bench')
INSERT INTO sessions (token_hash, user_id, expires_at)
SELECT encode(sha256(convert_to(encode(sha256(convert_to(
         'bench-token-' || substr(u.username, 8), 'UTF8')), 'hex'), 'UTF8')), 'hex'),
       u.id, now() + interval '2 days'
FROM u""", n=n)


def run_tool(args, stdin_text=None, timeout=300):
    p = subprocess.run([TOOL] + args, input=stdin_text, capture_output=True, text=True,
                       timeout=timeout, preexec_fn=labtest._die_with_parent)
    sys.stdout.write(p.stdout)
    sys.stdout.flush()
    if p.stderr.strip():
        sys.stderr.write(p.stderr[-4000:])
    return p.returncode, parse_result(p.stdout)


def parse_result(text):
    for line in text.splitlines():
        if line.startswith("RESULT "):
            return dict(kv.split("=", 1) for kv in line.split()[1:] if "=" in kv)
    return {}


def run_reconnect(servers, n):
    """Connect n students, restart both servers, watch them come back."""
    p = subprocess.Popen([TOOL, "--mode", "reconnect", "--n", str(n), "--ports",
                          "%d,%d" % (servers[0].port, servers[1].port)],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                         preexec_fn=labtest._die_with_parent)
    out = []
    try:
        deadline = time.time() + 240
        ready = False
        while time.time() < deadline:
            line = p.stdout.readline()
            if not line:
                break
            out.append(line)
            sys.stdout.write(line)
            sys.stdout.flush()
            if line.strip() == "ready-for-restart":
                ready = True
                break
        if not ready:
            p.wait(timeout=30)
            return {}
        t0 = time.monotonic()
        for s in servers:  # SIGTERM both at once: close frames go out, then they exit
            if s.proc and s.proc.poll() is None:
                os.killpg(s.proc.pid, signal.SIGTERM)
        for s in servers:
            s.stop()
        t_down = time.monotonic()
        for s in servers:
            s.start()
        t_up = time.monotonic()
        p.stdin.write("up %.6f\n" % t_up)
        p.stdin.flush()
        print("  restart: SIGTERM -> both exited %.2f s, both listening again %.2f s after SIGTERM"
              % (t_down - t0, t_up - t0))
        rest, _ = p.communicate(timeout=240)
        sys.stdout.write(rest)
        sys.stdout.flush()
        out.append(rest)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    return parse_result("".join(out))


def fmt(v, spec="%.2f"):
    try:
        return spec % float(v)
    except (TypeError, ValueError):
        return "-"


def main():
    nofile = raise_nofile()
    if not os.access(TOOL, os.X_OK):
        raise SystemExit("bench_fanout tool is not built: %s" % TOOL)
    log("open files limit %d" % nofile)
    lab = labtest.get_lab("bench-fanout", server=False)
    servers = []
    results = []
    reconnect = {}
    try:
        t0 = time.time()
        lab.make_cert(lab.cert, lab.key)
        lab.create_cohort("bench")
        lab.start_worker(slots=1)
        lab.labctl_ok("labs", "import", LAB_DIR, "--wait", "120", timeout=150)
        lab.stop_workers()  # the catalog lab is live; the worker is not needed for pushes
        max_n = max(NS + [RECONNECT_N])
        t1 = time.time()
        insert_students(lab, max_n)
        log("setup %.1f s (students: %d inserted in %.2f s)" % (time.time() - t0, max_n,
                                                                time.time() - t1))
        ports = (labtest.free_port(), labtest.free_port())
        servers = [Server(lab, "A", ports[0]), Server(lab, "B", ports[1])]

        for n in NS:
            marks = []
            for s in servers:
                marks.append(s.mark())
                s.start()
            print("\n== N = %d ==" % n)
            rc, res = run_tool(["--mode", "fanout", "--n", str(n), "--pushes", str(PUSHES), "--warmup", str(WARMUP),
                                "--ports", "%d,%d" % ports,
                                "--pids", "%d,%d" % (servers[0].proc.pid, servers[1].proc.pid),
                                "--ca", lab.cert],
                               stdin_text=labtest.INSTRUCTOR[1] + "\n")
            res["n"] = n
            res["rc"] = rc
            for s, m in zip(servers, marks):
                ev = s.notices(m)
                if ev:
                    def med(key):
                        v = [int(e[key]) for e in ev if e.get(key, "").isdigit()]
                        return statistics.median(v) / 1000.0 if v else float("nan")
                    line = ("  labserver %s log (live.notice_pushed, %d pushes incl. warm-up):"
                            " sessions %s, %s bytes/notice, NOTIFY->queued to all median %.2f ms,"
                            " the queueing loop itself median %.2f ms"
                            % (s.name, len(ev), ev[-1].get("sessions"), ev[-1].get("bytes"),
                               med("since_note_us"), med("fanout_us")))
                    print(line)
                    res["srv_" + s.name] = line
            results.append(res)
            for s in servers:
                if s.proc and s.proc.poll() is not None:
                    log("labserver %s died (rc %s):\n%s" % (s.name, s.proc.returncode, s.tail()))
                s.stop()

        if RECONNECT_N > 0:
            for s in servers:
                s.start()
            print("\n== mass reconnect, N = %d ==" % RECONNECT_N)
            reconnect = run_reconnect(servers, RECONNECT_N)
            for s in servers:
                s.stop()
    finally:
        for s in servers:
            s.stop()
        labtest.stop_lab()

    # ---- the table ----
    print("\nbench_fanout: live push over TLS, 2 labserver instances + 1 PostgreSQL, loopback,"
          " students alternate A/B, instructor on A; %d pushes per N after %d warm-up"
          % (PUSHES, WARMUP))
    head = ("%6s | %8s %8s %-14s %8s %8s %8s %6s | %9s %9s %-12s"
            % ("N", "p50 ms", "p99 ms", "p99 target", "last ms", "first ms", "reply ms",
               "missed", "KiB/conn", "marginal", "target"))
    print(head)
    print("-" * len(head))
    for r in results:
        n = r["n"]
        if not r.get("kib_per_conn"):
            print("%6d | run failed (%s)" % (n, r.get("error", "rc %s" % r.get("rc"))))
            continue
        kib = float(r["kib_per_conn"])
        mem = "%9s %9s %-12s" % (fmt(kib, "%.1f"), fmt(r.get("kib_marginal"), "%.1f"),
                                 "< %g: %s" % (TARGET_KIB, "met" if kib < TARGET_KIB
                                               else "missed"))
        if r.get("push") == "ok":
            tgt = TARGET_P99.get(n)
            tgt_s = ("< %g: %s" % (tgt, "met" if float(r["p99"]) < tgt else "missed")
                     if tgt else "-")
            print("%6d | %8s %8s %-14s %8s %8s %8s %6s | %s" % (
                n, fmt(r.get("p50")), fmt(r.get("p99")), tgt_s, fmt(r.get("last_med")),
                fmt(r.get("first_med")), fmt(r.get("reply_med")), r.get("missing", "-"), mem))
        else:
            print("%6d | %-66s | %s" % (n, "push: not supported by this labserver", mem))
    print("  p50/p99: every student's LiveNotice over every counted push, measured from the"
          " instant the\n  instructor's LiveStartRequest was written; last/first: median over"
          " pushes of the time to the\n  last/first student; reply: the instructor's own"
          " answer; missed: notices not seen within 10 s.\n  KiB/conn: VmRSS growth of both"
          " labservers from an idle start / TLS connections they hold;\n  marginal: growth"
          " from N/2 to N connections only (without one-time costs).")
    for r in results:
        if r.get("push") == "ok":
            print("  N=%d: p99 via A (instructor's instance) %s ms, via B (LISTEN/NOTIFY) %s ms;"
                  " worst time to last %s ms" % (r["n"], fmt(r.get("p99_a")),
                                                 fmt(r.get("p99_b")), fmt(r.get("last_max"))))
    if reconnect:
        print("mass reconnect of %s students after restarting both labservers: %s back, "
              "all back %s s after the first close (%s s after both listened again), peak %s"
              " handshakes in flight (%s in TLS), %s connection attempts (%s refused, %s busy)"
              % (reconnect.get("n"), reconnect.get("back"), fmt(reconnect.get("t_close")),
                 fmt(reconnect.get("t_up")), reconnect.get("peak_hs"),
                 reconnect.get("peak_tls"), reconnect.get("attempts"), reconnect.get("refused"),
                 reconnect.get("busy")))
        print("  (backoff: U(0, min(5 s, 100 ms * 2^attempt)) after every failure; the first"
              " try after the close waits U(0, 100 ms))")
    elif RECONNECT_N > 0:
        print("mass reconnect: did not run to completion")
    return 0


if __name__ == "__main__":
    sys.exit(main())
