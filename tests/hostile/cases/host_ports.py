# expect: ok
# stdout-has: BLOCKED
import socket
reached = []
for port in (5432, @HOSTPORT@):
    s = socket.socket(); s.settimeout(2)
    try:
        s.connect(("127.0.0.1", port)); reached.append(port)
    except OSError:
        pass
print("BLOCKED" if not reached else "REACHED %r" % reached)
