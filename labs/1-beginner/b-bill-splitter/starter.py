meal = input()
people = input()
tip_percent = input()

# Turn the texts into numbers, then work out the tip, the total and each share.
print("Tip:", meal)
