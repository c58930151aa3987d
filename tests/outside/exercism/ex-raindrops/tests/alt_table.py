SOUNDS = ((3, "Pling"), (5, "Plang"), (7, "Plong"))


def convert(number):
    drops = [sound for factor, sound in SOUNDS if number % factor == 0]
    return "".join(drops) if drops else f"{number}"
