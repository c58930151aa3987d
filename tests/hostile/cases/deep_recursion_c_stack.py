# expect: memory_limit
# args: --memory-mb 128
# Python 3.11 keeps Python frames on the heap: unbounded recursion ends at the memory limit.
import sys
sys.setrecursionlimit(10**8)
def f(n):
    return f(n + 1)
f(0)
