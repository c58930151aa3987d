# expect: forbidden_syscall
import ctypes
libc = ctypes.CDLL(None, use_errno=True)
print(libc.syscall(313, -1, b"", 0))  # finit_module
