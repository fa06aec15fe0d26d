# Uncaught exception raised with "from": both tracebacks and the direct-cause sentence reach stderr.
class ConfigError(Exception):
    pass
def load(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"cannot parse {text!r}") from e
print(load("12"))
load("twelve")
