import struct
for fmt,v in [('b',300),('B',-1),('h',70000),('H',-1),('i',2**31),('I',-1),('l',2**63),('L',-1),('q',2**63),('Q',-1),('<b',300),('<B',-1),('<h',70000),('<H',-1),('<i',2**31),('<I',-1),('<l',2**31),('<L',-1),('<q',2**63),('<Q',-1),('i','x'),('f','x'),('i',1.5),('s',1),('c',b'ab'),('?',[]),('e',1e10),('n',2**63),('N',-1),('<n',1),('z',1), ('P',-1), ('>I', 2**32), ('<e', 1.5), ('<e', 0.1), ('<e', 65504.0), ('>d', 1.5), ('f', 0.1)]:
    try: print(fmt, struct.pack(fmt,v))
    except Exception as e: print(fmt, v, type(e).__name__, e)
for f in [lambda: struct.pack('ii',1), lambda: struct.unpack('i',b'abc'), lambda: struct.unpack_from('i',b'abc',1), lambda: list(struct.iter_unpack('i',b'abcde')), lambda: struct.calcsize('bi'), lambda: struct.calcsize('<bi'), lambda: struct.calcsize('ci3s2xq'), lambda: struct.pack('3s',b'abcdef'), lambda: struct.pack('5p',b'ab'), lambda: struct.unpack('5p',b'\x02abcd'), lambda: struct.pack('>e',1.5), lambda: struct.Struct('i').size, lambda: struct.pack('i'), lambda: struct.pack('2i',1,2,3), lambda: struct.unpack('<?', b'\x02'), lambda: struct.unpack('<e', b'f.'), lambda: struct.unpack('>hHiIqQfd', struct.pack('>hHiIqQfd', -2, 3, -4, 5, -6, 7, 0.5, 0.25)), lambda: struct.Struct('>I').format, lambda: list(struct.iter_unpack('<h', b'\x01\x00\x02\x00')), lambda: struct.unpack_from('<h', bytearray(b'\x00\x01\x00'), offset=1)]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
ba = bytearray(8)
struct.pack_into('<ii', ba, 0, 1, 2); print(ba)
print(struct.error.__module__, struct.error.__name__)
