# expect: forbidden_syscall
import ctypes, os, time
libc = ctypes.CDLL(None, use_errno=True)
pid = os.fork()
if pid == 0:
    time.sleep(5); os._exit(0)
print(libc.ptrace(16, pid, None, None))  # PTRACE_ATTACH
