# expect: ok
# stdout-has: ALL-BLOCKED
import glob, os
leaks = []
for path in ["/etc/shadow", "/etc/gshadow", "/root/.bash_history", "/proc/1/environ", "/proc/1/mem",
             "/proc/1/root/etc/shadow", "/proc/kcore", "/home", "/var/lib/postgresql", "/work/main/CMakeLists.txt",
             "/run/labsandbox", "/sys/kernel", "/boot", "/etc/ssh/ssh_host_rsa_key"]:
    try:
        with open(path, "rb") as f:
            f.read(1)
        leaks.append(path)
    except OSError:
        pass
# other runs' work dirs: nothing of another box is reachable
leaks += [p for p in glob.glob("/proc/*/root/work/*") if not p.startswith(("/proc/self", "/proc/thread-self")) and not p.startswith(f"/proc/{os.getpid()}/")]
leaks += [p for p in os.listdir("/proc") if p.isdigit() and int(p) > 50]
if len(os.listdir("/etc")) > 10:
    leaks.append("/etc has host files: %r" % os.listdir("/etc"))
print("ALL-BLOCKED" if not leaks else "LEAKED %r" % leaks)
