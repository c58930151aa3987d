# keeps the digits and silently drops every other character
class Luhn:
    def __init__(self, card_num):
        self.digits = [int(ch) for ch in card_num if ch.isdigit()]

    def valid(self):
        if len(self.digits) < 2:
            return False
        total = 0
        for i, d in enumerate(reversed(self.digits)):
            if i % 2:
                d = d * 2 - 9 if d * 2 > 9 else d * 2
            total += d
        return total % 10 == 0
