# expect: ok
# stdout-has: BLOCKED
import fcntl, os, termios
done = []
for fd in (0, 1, 2):
    try:
        fcntl.ioctl(fd, termios.TIOCSTI, b"x"); done.append(fd)
    except OSError:
        pass
try:
    os.open("/dev/tty", os.O_RDWR); done.append("tty")
except OSError:
    pass
print("BLOCKED" if not done else "TYPED %r" % done)
