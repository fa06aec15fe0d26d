raise ValueError("x")   
