# Wrong: joins texts instead of adding numbers ("12" + "1" is "121").
name = input()
age = input()
print("Hello, " + name + "!")
print("Next year you will be " + age + "1.")
