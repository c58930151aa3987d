class Luhn:
    DOUBLED = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9]

    def __init__(self, card_num):
        stripped = card_num.replace(" ", "")
        self.digits = [int(c) for c in stripped] if stripped.isdecimal() and stripped.isascii() else None

    def valid(self):
        if self.digits is None or len(self.digits) < 2:
            return False
        odd = self.digits[::-1][0::2]
        even = self.digits[::-1][1::2]
        return (sum(odd) + sum(self.DOUBLED[d] for d in even)) % 10 == 0
