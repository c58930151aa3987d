# Never lets an error happen instead of catching it: checks the text with isdigit() and reads
# the lines with sys.stdin.readline(), which returns "" at the end instead of raising EOFError.
# It behaves right, but the lab is about try/except.
import sys

while True:
    line = sys.stdin.readline()
    if not line:
        print("No tickets bought")
        break
    text = line.rstrip("\n")
    digits = text.strip()
    if digits.startswith("-"):
        digits = digits[1:]
    if not digits.isdigit():
        print(f"Not a number: {text}")
        continue
    n = int(text)
    if 1 <= n <= 10:
        print(f"You bought {n} tickets for {n * 4} euros")
        break
    print("Choose 1 to 10")
