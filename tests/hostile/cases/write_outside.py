# expect: ok
# stdout-has: ALL-BLOCKED
import os
ok = []
for path in ["/usr/pwned", "/etc/pwned", "/pwned", "/bin/pwned", "/dev/pwned", "/proc/sys/kernel/hostname",
             "/proc/sysrq-trigger", "/.sandbox/x", "/usr/lib/python3/pwned.py"]:
    try:
        with open(path, "w") as f:
            f.write("x")
        ok.append(path)
    except OSError:
        pass
for d in ["/tmp", "/work", "/dev/shm"]:
    with open(d + "/fine.txt", "w") as f:
        f.write("allowed")
try:
    os.chmod("/etc/passwd", 0o777); ok.append("chmod")
except OSError:
    pass
print("ALL-BLOCKED" if not ok else "WROTE %r" % ok)
