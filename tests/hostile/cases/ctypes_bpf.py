# expect: forbidden_syscall
import ctypes
libc = ctypes.CDLL(None, use_errno=True)
print(libc.syscall(321, 0, None, 0))  # bpf
