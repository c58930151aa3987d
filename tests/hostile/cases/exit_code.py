# expect: runtime_error
# json: exit_code=3
import sys
sys.exit(3)
