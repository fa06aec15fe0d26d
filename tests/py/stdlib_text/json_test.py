import json
for s in ['[1,]','{"a":1,}','{','[1 2]','{"a" 1}','"abc','','1 2','nul','"a\\x"','"\\u12"', '"a\nb"', '[', '{"a":}', '-', '01', '1.', '{1:2}', '{"a": 1, "b": [true, false, null], "c": {"d": -1.5e-3}}', ' [ ] ', '"\\u00e9\\n"']:
    try: print(repr(json.loads(s)))
    except json.JSONDecodeError as e: print(e, '|', e.msg, e.pos, e.lineno, e.colno)
print(json.dumps({'a':[1,2.5,None,True,'é\u2028\U0001f600'],'b':{}}, indent=2))
print(json.dumps([float('nan'), float('inf'), -float('inf'), 1e16, 0.1]))
print(json.dumps({3:1, 2.5:2, True:3, None:4}, sort_keys=False))
print(json.dumps({"b": 1, "a": [1, {"z": 0, "y": ()}]}, sort_keys=True, indent=4))
try: json.dumps({(1,):2})
except TypeError as e: print(e)
try: json.dumps(object())
except TypeError as e: print(e)
l=[]; l.append(l)
try: json.dumps(l)
except ValueError as e: print(e)
try: json.dumps(float('nan'), allow_nan=False)
except ValueError as e: print(e)
print(json.dumps('\x00\x1f"\\\n', ensure_ascii=False), json.dumps([1,[2,[]]], indent='\t', separators=(',',':')))
print(json.loads('{"a": [1, 2.5e3, -0.0, "\\ud83d\\ude00"]}'))
print(json.dumps(set([1]), default=sorted), json.loads(b'[1]'), json.loads('{"a":1}', object_pairs_hook=list))
print(json.loads('[1.5, 2]', parse_float=str, parse_int=float), json.dumps("x"), json.dumps(1), json.dumps(None))
class E(json.JSONEncoder):
    def default(self, o):
        return list(o)
print(json.dumps({"s": {1, 2}}, cls=E), json.dumps([1, 2], indent=0))
import io
f = io.StringIO(); json.dump({"k": [1, 2]}, f, indent=1); print(f.getvalue()); f.seek(0); print(json.load(f))
