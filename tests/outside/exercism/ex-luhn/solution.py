class Luhn:
    def __init__(self, card_num):
        self.card_num = card_num

    def valid(self):
        text = self.card_num.replace(" ", "")
        if len(text) < 2 or not all(ch in "0123456789" for ch in text):
            return False
        total = 0
        for i, ch in enumerate(reversed(text)):
            d = int(ch)
            if i % 2 == 1:
                d = d * 2 - 9 if d > 4 else d * 2
            total += d
        return total % 10 == 0
