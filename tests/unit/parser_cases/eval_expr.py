a + b * (c if d else [e, *f]), {g: h}
