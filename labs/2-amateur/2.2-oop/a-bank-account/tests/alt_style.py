class BankAccount:
    def __init__(self, owner, balance=0):
        self.owner, self.balance, self.history = owner, balance, list()

    def _log(self, what, amount):
        self.history.append(what + " " + str(amount))

    def deposit(self, amount):
        if amount <= 0:
            return self.balance
        self.balance = self.balance + amount
        self._log("deposit", amount)
        return self.balance

    def withdraw(self, amount):
        if amount <= 0 or amount > self.balance:
            return False
        self.balance = self.balance - amount
        self._log("withdraw", amount)
        return True

    def transfer(self, other, amount):
        ok = self.withdraw(amount)
        if ok:
            other.deposit(amount)
        return ok
