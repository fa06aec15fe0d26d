# An exception raised in a nested call chain: every frame in the traceback, exit 1.
class Config:
    def load(self, key):
        return self._lookup(key)
    def _lookup(self, key):
        return {"a": 1}[key]
def main():
    cfg = Config()
    print("loading")
    cfg.load("missing")
main()
