raise ValueError("whole line")
