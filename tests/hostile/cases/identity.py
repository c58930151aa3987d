# expect: ok
# stdout-has: uid=1000 gid=1000 groups=[] host=sandbox caps=0000000000000000 nnp=1 seccomp=2 pid1=init sid=True
import os, socket
st = dict(l.split(":\t", 1) for l in open("/proc/self/status").read().splitlines() if ":\t" in l)
comm1 = open("/proc/1/comm").read().strip()
print("uid=%d gid=%d groups=%r host=%s caps=%s nnp=%s seccomp=%s pid1=%s sid=%s" % (
    os.getuid(), os.getgid(), os.getgroups(), socket.gethostname(), st["CapEff"].strip(),
    st["NoNewPrivs"].strip(), st["Seccomp"].strip(), "init" if os.getpid() != 1 else "self",
    os.getsid(0) == os.getpid()))
print(sorted(os.environ))
