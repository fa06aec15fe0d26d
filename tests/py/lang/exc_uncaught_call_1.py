# An uncaught TypeError from calling a method with a missing argument: message uses the qualified method name.
class Account:
    def deposit(self, amount):
        return amount
acct = Account()
print(acct.deposit(10))
acct.deposit()
