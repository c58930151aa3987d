# expect: ok
# stdin: first line
# stdout-has: read: 'first line'
import sys
print("read: %r" % sys.stdin.read().strip())
