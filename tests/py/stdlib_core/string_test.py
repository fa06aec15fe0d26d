import string
from string import Template
print(string.ascii_letters, string.punctuation, string.capwords(' hello   world '))
t = Template('$who likes ${what}s, costs $$5')
print(t.substitute(who='tim', what='kung pao'))
try: t.substitute(who='x')
except KeyError as e: print(repr(e))
print(t.safe_substitute(who='x'))
try: Template('bad $').substitute()
except ValueError as e: print(e)
print(t.get_identifiers())
from string import Template
for s in ['$', 'a\nb $', '$1']:
  try: Template(s).substitute()
  except ValueError as e: print(e)
