# expect: forbidden_syscall
import ctypes
libc = ctypes.CDLL(None, use_errno=True)
print(libc.unshare(0x10000000))  # CLONE_NEWUSER
