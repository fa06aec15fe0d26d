1
0
000
1_000_000
0xff
0XFF
0o17
0b1010
0x_dead_beef
123456789012345678901234567890
0xffffffffffffffffffffffffffffffffffff
1.5
1.
.5
1e10
1e16
1.5e-7
0.0001
0.00001
1e400
123456789012345678.0
3.141592653589793
1j
1.5j
1e16j
0j
10.0j
'abc'
"abc"
'it\'s'
"say \"hi\""
'both \' and "'
'\n\t\r\x00\x7f'
'\u00e9\u4e2d'
'\xa0\xad'
b'abc'
b'\x00\xff\n'
b"it's"
u'unicode'
r'\d+'
'a' 'b' "c"
b'a' b'b'
'''triple
quoted'''
"""x"""
''
...
