# A different correct solution: + and str(), no questions in input().
name = input()
age_text = input()
next_year = int(age_text) + 1
print("Hello, " + name + "!")
print("Next year you will be " + str(next_year) + ".")
