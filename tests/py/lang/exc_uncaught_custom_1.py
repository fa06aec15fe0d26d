# Uncaught custom exception with a custom __str__ and extra args: the last stderr line uses the class name and str().
class BudgetExceeded(Exception):
    def __init__(self, spent, limit):
        super().__init__(spent, limit)
        self.spent = spent
        self.limit = limit
    def __str__(self):
        return f"spent {self.spent} of {self.limit}"
def spend(amounts, limit):
    total = 0
    for a in amounts:
        total += a
        print("total", total)
        if total > limit:
            raise BudgetExceeded(total, limit)
spend([10, 20, 30], 100)
spend([50, 60], 100)
