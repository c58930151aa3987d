# expect: ok
# json: stdout_base64?
# text-no-esc: yes
import sys
out = sys.stdout.buffer
out.write(b"valid \xc3\xa9 then invalid \xff\xfe \xc3 \xed\xa0\x80 nul \x00 ")
out.write(b"\x1b[2J\x1b]0;pwned\x07\x1b[31mred\x1b[0m \x9b31m csi \x07 bell \r\n")
out.write("line sep \u2028 end\n".encode())
