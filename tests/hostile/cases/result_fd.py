# expect: ok
# args: --result-fd 3
# json: result=check1 {"ok": true}\n
import os
os.write(3, b'check1 {"ok": true}\n')
print("normal stdout")
