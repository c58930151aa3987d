# elif keeps only the first sound: 15 is "Pling" instead of "PlingPlang"
def convert(number):
    if number % 3 == 0:
        return "Pling"
    elif number % 5 == 0:
        return "Plang"
    elif number % 7 == 0:
        return "Plong"
    return str(number)
