# A thread started once the interpreter is shutting down (from a __del__
# run while the globals are cleared) never runs, as in CPython 3.11.
import _thread


class StartsAThreadAtExit:
    def __del__(self):
        try:
            _thread.start_new_thread(print, ("never",))
        except RuntimeError as e:
            print("RuntimeError:", e)


at_exit = StartsAThreadAtExit()
print("main done")
