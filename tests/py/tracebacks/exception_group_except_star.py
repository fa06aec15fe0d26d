# except* handles part of a group; the rest propagates as a new group.
try:
    raise ExceptionGroup("mixed", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as eg:
    print("handled", [str(e) for e in eg.exceptions])
