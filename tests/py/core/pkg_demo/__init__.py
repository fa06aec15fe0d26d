NAME = "pkg_demo"
print("pkg_demo imported as", __name__)

def helper():
    from .sub import VALUE
    return "helper sees " + str(VALUE)
