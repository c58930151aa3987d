n = int(input("Start at: "))

# Print the countdown here (use a loop!)

print("Liftoff!")
