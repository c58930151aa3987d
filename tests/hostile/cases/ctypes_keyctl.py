# expect: forbidden_syscall
import ctypes
libc = ctypes.CDLL(None, use_errno=True)
print(libc.syscall(250, 0, -3, 0))  # keyctl(KEYCTL_GET_KEYRING_ID)
