# try statement combinations: several except clauses, nested try with inner finally, try inside else, finally without except.
def multi_except(v):
    try:
        return [1, 2][v] if isinstance(v, int) else {"a": 1}[v]
    except IndexError:
        return "index"
    except KeyError:
        return "key"
    except Exception as e:
        return "other " + type(e).__name__
print(multi_except(0), multi_except(5), multi_except("z"), multi_except(None))
def nested():
    try:
        try:
            raise KeyError("inner")
        except ValueError:
            return "wrong handler"
        finally:
            print("  inner finally")
    except KeyError as e:
        return "outer handled " + repr(e)
print(nested())
def except_in_else():
    try:
        pass
    except Exception:
        return "unreachable"
    else:
        try:
            raise RuntimeError("from else")
        except RuntimeError as e:
            return "caught " + str(e)
print(except_in_else())
try:
    try:
        1 / 0
    finally:
        print("finally without except, exception continues")
except ZeroDivisionError:
    print("caught after finally")
