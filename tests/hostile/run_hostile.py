#!/usr/bin/python3
"""run_hostile.py - runs every program in cases/ through the real `labsandbox run --json`.

Each case is a Python file whose header comments say what must happen:

    # expect: <verdict>            required: the sandbox verdict
    # args: --memory-mb 64 ...     extra labsandbox flags
    # stdin: text                  stdin for the program
    # file: rel/path=content       extra file placed in /work
    # stdout-has: text             stdout must contain text
    # stderr-has: text             stderr must contain text
    # json: key<N | key>N | key=V | key?   a property of the JSON result
    # text-no-esc: yes             the human rendering must contain no ESC/control bytes

The source may use @HOSTPORT@ (a TCP listener on host 127.0.0.1 started here),
@ABSTRACT@ (a host abstract unix socket) and @SOCKPATH@ (a host unix socket path).
After all cases the host must be healthy: no process of a slot uid left, the
host mount table unchanged, the listeners never reached, nothing written on
the host. Uses only the standard library; run with /usr/bin/python3.
"""
import argparse
import concurrent.futures
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time

UID_BASE, SLOTS = 60000, 64


class Listener:
    """Counts connections that reach a host socket (must stay 0)."""

    def __init__(self, family, addr):
        self.sock = socket.socket(family, socket.SOCK_STREAM)
        self.sock.bind(addr)
        self.sock.listen(16)
        self.hits = 0
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):
        while True:
            try:
                c, _ = self.sock.accept()
            except OSError:
                return
            self.hits += 1
            c.close()


def parse_case(path):
    meta = {"args": [], "stdout-has": [], "stderr-has": [], "json": [], "file": [], "stdin": None}
    with open(path, encoding="utf-8") as f:
        src = f.read()
    for line in src.splitlines():
        m = re.match(r"# ([a-z-]+): (.*)$", line)
        if not m:
            continue
        k, v = m.group(1), m.group(2)
        if k == "expect":
            meta["expect"] = v.strip()
        elif k == "args":
            meta["args"] += v.split()
        elif k in ("stdout-has", "stderr-has", "json", "file"):
            meta[k].append(v)
        elif k == "stdin":
            meta["stdin"] = v + "\n"
        elif k == "text-no-esc":
            meta["text-no-esc"] = True
    if "expect" not in meta:
        raise SystemExit(f"{path}: missing '# expect:' header")
    return src, meta


def check_json(res, prop):
    m = re.match(r"([a-z_0-9]+)(<|>|=|\?)(.*)$", prop)
    if not m:
        return f"bad json property {prop!r}"
    key, op, val = m.groups()
    if op == "?":
        return None if key in res else f"{key} missing from result"
    if key not in res:
        return f"{key} missing from result"
    got = res[key]
    if op == "=":
        want = val.encode().decode("unicode_escape")
        return None if str(got) == want else f"{key}={got!r}, want {want!r}"
    n = float(val)
    if (op == "<" and got < n) or (op == ">" and got > n):
        return None
    return f"{key}={got}, want {op}{val}"


def run_case(lsb, path, subst):
    name = os.path.basename(path)
    src, meta = parse_case(path)
    for k, v in subst.items():
        src = src.replace(k, v)
    problems = []
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        work = os.path.join(tmp, "work")
        os.mkdir(work)
        with open(os.path.join(work, "main.py"), "w", encoding="utf-8") as f:
            f.write(src)
        for spec in meta["file"]:
            rel, content = spec.split("=", 1)
            os.makedirs(os.path.dirname(os.path.join(work, rel)), exist_ok=True)
            with open(os.path.join(work, rel), "w", encoding="utf-8") as f:
                f.write(content + "\n")
        cmd = [lsb, "run", "--json", *meta["args"], "--workdir", work]
        if meta["stdin"] is not None:
            with open(os.path.join(tmp, "stdin"), "w", encoding="utf-8") as f:
                f.write(meta["stdin"])
            cmd += ["--stdin", os.path.join(tmp, "stdin")]
        cmd += ["--", "/usr/bin/python3", "main.py"]
        t0 = time.monotonic()
        p = subprocess.run(cmd, capture_output=True, timeout=120)
        took = time.monotonic() - t0
        try:
            res = json.loads(p.stdout)
        except ValueError as e:
            return name, [f"output is not JSON ({e}); rc={p.returncode} stderr={p.stderr[-400:]!r}"], took, {}
        want_rc = 0 if res.get("verdict") == "ok" else 1
        if res.get("verdict") != meta["expect"]:
            problems.append(f"verdict {res.get('verdict')} ({res.get('message')}), want {meta['expect']}")
        if p.returncode != want_rc:
            problems.append(f"exit status {p.returncode}, want {want_rc}")
        for t in meta["stdout-has"]:
            if t not in res.get("stdout", ""):
                problems.append(f"stdout lacks {t!r}: {res.get('stdout', '')[:300]!r}")
        for t in meta["stderr-has"]:
            if t not in res.get("stderr", ""):
                problems.append(f"stderr lacks {t!r}: {res.get('stderr', '')[-300:]!r}")
        for prop in meta["json"]:
            why = check_json(res, prop)
            if why:
                problems.append(why)
        if meta.get("text-no-esc"):
            t = subprocess.run([c for c in cmd if c != "--json"], capture_output=True, timeout=60)
            bad = [b for b in t.stdout if (b < 0x20 and b not in (10, 9)) or b == 0x7F]
            if bad:
                problems.append(f"human output carries control bytes {sorted(set(bad))}")
            if b"\xc2\x9b" in t.stdout:
                problems.append("human output carries a C1 CSI")
        if problems:
            problems.append(f"stderr of labsandbox: {p.stderr[-300:]!r}")
        return name, problems, took, res


def slot_processes():
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("Uid:"):
                        uid = int(line.split()[1])
                        if UID_BASE <= uid < UID_BASE + SLOTS:
                            found.append((int(pid), uid))
        except OSError:
            pass
    return found


def mounts():
    with open("/proc/self/mountinfo") as f:
        return sorted(" ".join(l.split()[3:5]) for l in f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--labsandbox", required=True)
    ap.add_argument("--cases", default=os.path.join(os.path.dirname(__file__), "cases"))
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("only", nargs="*")
    a = ap.parse_args()

    if os.geteuid() != 0:
        print("run_hostile: must run as root (the sandbox needs it)", file=sys.stderr)
        return 1
    token = "labsandbox-hostile-%d" % os.getpid()
    tmp = tempfile.mkdtemp(prefix="hostile-host-")
    tcp = Listener(socket.AF_INET, ("127.0.0.1", 0))
    abstract = Listener(socket.AF_UNIX, "\0" + token)
    sockpath = os.path.join(tmp, "host.sock")
    unixp = Listener(socket.AF_UNIX, sockpath)
    subst = {"@HOSTPORT@": str(tcp.sock.getsockname()[1]), "@ABSTRACT@": token, "@SOCKPATH@": sockpath}
    sentinels = ["/pwned", "/etc/pwned", "/usr/pwned", "/tmp/fine.txt", "/work/fine.txt", "/dev/shm/fine.txt"]
    pre_existing = {s for s in sentinels if os.path.exists(s)}
    before = mounts()

    cases = sorted(f for f in os.listdir(a.cases) if f.endswith(".py"))
    if a.only:
        cases = [c for c in cases if any(o in c for o in a.only)]
    failures = 0
    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(a.j) as ex:
        futs = [ex.submit(run_case, a.labsandbox, os.path.join(a.cases, c), subst) for c in cases]
        for fut in futs:
            name, problems, took, res = fut.result()
            status = "PASS" if not problems else "FAIL"
            print(f"{status} {name:32s} {res.get('verdict', '?'):18s} {took * 1000:7.0f} ms"
                  f"  cpu={res.get('cpu_ms', '?')} peak={res.get('peak_memory_bytes', 0) // 1024}k")
            for p in problems:
                print(f"     - {p}")
            failures += bool(problems)

    # Host health after everything.
    health = []
    time.sleep(0.2)
    left = slot_processes()
    if left:
        health.append(f"processes of slot uids still alive: {left}")
    after = mounts()
    if after != before:
        health.append(f"host mount table changed: +{sorted(set(after) - set(before))} "
                      f"-{sorted(set(before) - set(after))}")
    for l, what in ((tcp, "host TCP listener"), (abstract, "host abstract socket"), (unixp, "host unix socket")):
        if l.hits:
            health.append(f"{what} was reached {l.hits} times")
    for s in sentinels:
        if os.path.exists(s) and s not in pre_existing:
            health.append(f"a run wrote {s} on the host")
    for root in ("/sys/fs/cgroup/unified", "/sys/fs/cgroup/memory", "/sys/fs/cgroup/pids", "/sys/fs/cgroup"):
        for dirpath, dirnames, _ in os.walk(root):
            if os.path.basename(dirpath) == "labsandbox" and any(d.startswith("slot") for d in dirnames):
                health.append(f"slot cgroups left behind in {dirpath}: {dirnames}")
            if dirpath.count("/") > 8:
                dirnames[:] = []
    for h in health:
        print(f"HOST {h}")
    print(f"{len(cases) - failures}/{len(cases)} cases passed, host {'healthy' if not health else 'NOT healthy'},"
          f" {time.monotonic() - t0:.1f} s")
    os.unlink(sockpath)
    os.rmdir(tmp)
    return 1 if failures or health else 0


if __name__ == "__main__":
    sys.exit(main())
