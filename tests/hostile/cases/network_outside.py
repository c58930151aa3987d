# expect: ok
# stdout-has: BLOCKED tcp=101 udp=101
import errno, socket
res = {}
s = socket.socket(); s.settimeout(3)
try:
    s.connect(("192.0.2.1", 80)); res["tcp"] = 0
except OSError as e:
    res["tcp"] = e.errno
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try:
    u.sendto(b"x", ("192.0.2.1", 53)); res["udp"] = 0
except OSError as e:
    res["udp"] = e.errno
ifs = [l.split(":")[0].strip() for l in open("/proc/net/dev").read().splitlines()[2:]]
print(("BLOCKED" if ifs == ["lo"] else "IFACES %r" % ifs), "tcp=%d udp=%d" % (res["tcp"], res["udp"]))
