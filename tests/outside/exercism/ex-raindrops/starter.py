def convert(number):
    # return "Pling", "Plang", "Plong" (joined) or the number as a string
    pass
