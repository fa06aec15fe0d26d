# Uncaught exception raised inside a finally block after another error: "During handling" chain; finally output printed first.
def work():
    try:
        print("working")
        [].pop()
    finally:
        print("cleanup")
        None.close()
work()
