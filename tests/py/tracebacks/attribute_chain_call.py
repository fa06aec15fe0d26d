class C:
    pass
c = C()
c.missing.attr()
