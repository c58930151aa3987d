# expect: ok
# stdout-has: BLOCKED
import socket
reached = []
for addr in ("\0@ABSTRACT@", "@SOCKPATH@", "/run/postgresql/.s.PGSQL.5432"):
    s = socket.socket(socket.AF_UNIX)
    try:
        s.connect(addr); reached.append(addr)
    except OSError:
        pass
print("BLOCKED" if not reached else "REACHED %r" % reached)
