"""bench_grading — submissions through the whole path, against the harness run bare.

Starts a private PostgreSQL, labserver and a labworker with two slots (tests/e2e/labtest.py),
imports a trivial one-check lab, and prints, in one run on one machine:

  bare      the harness grading the same file with no sandbox, server or database:
            the median of single runs, and the rate of two parallel loops (two cores)
  through   submissions sent over TLS websockets by several students at once, graded by
            labworker in the sandbox, results pushed back: graded submissions per second
  latency   one submission at a time on an idle system: submit -> pushed result, median and
            p99, against one bare harness run

Targets (issue 4): throughput >= 85% of the bare two-core rate; median latency within
1.5x one bare run + 10 ms. Figures are printed, never asserted: these machines are noisy.

    LAB_BUILD_DIR=build /usr/bin/python3 tests/bench/bench_grading.py [N_THROUGHPUT] [N_LATENCY]
"""

import os
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "e2e"))

import labtest  # noqa: E402
from labtest import pb  # noqa: E402

N_THROUGHPUT = int(sys.argv[1]) if len(sys.argv) > 1 else 80
N_LATENCY = int(sys.argv[2]) if len(sys.argv) > 2 else 30
N_STUDENTS = 8

LAB_INI = """[lab]
id = bench-trivial
title = Trivial
section = 1.1
roadmap = 1.1.1
points = 10

[limits]
cpu_ms = 4000
wall_ms = 6000
memory_mb = 128
output_kb = 64
processes = 8
"""
CHECKS = "from labcheck import check\n\n\n@check\ndef one(student):\n    return student.f()\n"
SOLUTION = "def f():\n    return 1\n"


def pct(values, q):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def bare_runs(labdir, student, n_each, parallel):
    harness = os.path.join(labtest.BUILD_DIR, "harness", "harness.py")
    argv = ["/usr/bin/python3", "-I", harness, "--lab", labdir, "--student", student,
            "--result-fd", "1"]
    times = []
    lock = threading.Lock()

    def loop():
        for _ in range(n_each):
            t0 = time.perf_counter()
            p = subprocess.run(argv, cwd=os.path.dirname(student), stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
            dt = time.perf_counter() - t0
            if b'"status":"ok"' not in p.stdout:
                raise RuntimeError("bare harness run failed: %r" % p.stdout[:300])
            with lock:
                times.append(dt)

    threads = [threading.Thread(target=loop) for _ in range(parallel)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, time.perf_counter() - t0


class Student:
    def __init__(self, lab, name, code):
        self.c = labtest.RawClient(lab.port)
        env = self.c.register(name, "bench-password", code)
        if env.kind != "auth_ok":
            raise RuntimeError("register failed: %r" % env)

    def submit(self):
        env = self.c.request("submit_req", pb((1, "bench-trivial"), (2, SOLUTION.encode())),
                             timeout=60)
        if env.kind != "submit_ack":
            raise RuntimeError("submit refused: %r" % env)
        return env.body.get(1)

    def wait_result(self, sid, timeout=120):
        deadline = time.time() + timeout
        for env in self.c.pushes:
            if env.kind == "result" and env.body.get(1) == sid:
                self.c.pushes.remove(env)
                return env
        while time.time() < deadline:
            env = self.c.recv_env(max(0.1, deadline - time.time()))
            if env.kind == "result" and env.body.get(1) == sid:
                return env
        raise RuntimeError("no result for submission %s" % sid)


def main():
    lab = labtest.get_lab("bench-grading", extra_cfg={"submit.per_minute": "10000",
                                                      "submit.max_pending": "50",
                                                      "log.level": "warn",
                                                      "limits.conns_per_ip": "64"})
    try:
        root = os.path.join(lab.dir, "bench-trivial")
        os.makedirs(root, exist_ok=True)
        files = {"lab.ini": LAB_INI, "README.md": "# Trivial\n", "checks.py": CHECKS,
                 "solution.py": SOLUTION, "starter.py": "def f():\n    return 0\n"}
        for fn, text in files.items():
            with open(os.path.join(root, fn), "w") as f:
                f.write(text)
        lab.start_worker(slots=2, lease_s=60)
        lab.labctl_ok("labs", "import", root, "--wait", "120", timeout=150)
        code = lab.create_cohort("bench")

        # Bare: the harness on the same lab and file, no sandbox.
        work = os.path.join(lab.dir, "bare-work")
        os.makedirs(work, exist_ok=True)
        student = os.path.join(work, "student.py")
        with open(student, "w") as f:
            f.write(SOLUTION)
        bare_runs(root, student, 3, 1)  # warm the page cache
        single, _ = bare_runs(root, student, N_LATENCY, 1)
        bare_med = statistics.median(single)
        per_loop = max(10, N_THROUGHPUT // 4)
        _, elapsed = bare_runs(root, student, per_loop, 2)
        bare_rate = 2 * per_loop / elapsed

        students = [Student(lab, "bench%02d" % i, code) for i in range(N_STUDENTS)]

        # Latency: one at a time on an idle system.
        lat = []
        s0 = students[0]
        for _ in range(3):
            s0.wait_result(s0.submit())
        for _ in range(N_LATENCY):
            t0 = time.perf_counter()
            env = s0.wait_result(s0.submit())
            lat.append(time.perf_counter() - t0)
            if env.body.get(3) != 1:
                raise RuntimeError("the trivial solution was not accepted: verdict %r"
                                   % env.body.get(3))

        # Throughput: every student keeps one submission in flight.
        done = []
        lock = threading.Lock()
        per_student = N_THROUGHPUT // N_STUDENTS

        def run(st):
            for _ in range(per_student):
                st.wait_result(st.submit())
                with lock:
                    done.append(1)

        threads = [threading.Thread(target=run, args=(st,)) for st in students]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        through_elapsed = time.perf_counter() - t0
        rate = len(done) / through_elapsed
        for st in students:
            st.c.close()

        med, p99 = statistics.median(lat), pct(lat, 0.99)
        print("bench_grading: trivial one-check lab, labworker with 2 slots, %d students"
              % N_STUDENTS)
        print("  bare harness, one run:       median %7.1f ms  (%d runs)"
              % (bare_med * 1000, len(single)))
        print("  bare harness, two cores:     %7.1f runs/s" % bare_rate)
        print("  whole path, throughput:      %7.1f graded/s  (%d submissions in %.1f s)"
              % (rate, len(done), through_elapsed))
        print("  throughput / bare rate:      %7.2f   (target >= 0.85)" % (rate / bare_rate))
        print("  submit->result latency:      median %7.1f ms  p99 %7.1f ms  (%d samples)"
              % (med * 1000, p99 * 1000, len(lat)))
        print("  median latency / bare run:   %7.2f   (target: median <= 1.5 x bare + 10 ms"
              " = %.1f ms: %s)" % (med / bare_med, (1.5 * bare_med + 0.010) * 1000,
                                  "met" if med <= 1.5 * bare_med + 0.010 else "not met"))
    finally:
        labtest.stop_lab()


if __name__ == "__main__":
    main()
