# hashlib on OpenSSL: constructors, new(), update/digest/hexdigest/copy,
# name/digest_size/block_size, and the errors.
import hashlib

for name in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "blake2b", "blake2s"):
    h = getattr(hashlib, name)(b"abc")
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())

h = hashlib.sha256()
h.update(b"a")
h.update(bytearray(b"b"))
h.update(memoryview(b"c"))
print(h.hexdigest() == hashlib.sha256(b"abc").hexdigest(), h.digest()[:4])
c = h.copy()
c.update(b"d")
print(h.hexdigest()[:16], c.hexdigest()[:16], hashlib.sha256(b"abcd").hexdigest()[:16])
print(hashlib.new("sha256", b"abc").hexdigest() == hashlib.sha256(b"abc").hexdigest())
print(hashlib.new("SHA256").name, hashlib.new("md5", data=b"x").hexdigest(), hashlib.sha1(string=b"x").hexdigest())
print(hashlib.sha256(b"x" * 100000).hexdigest())
big = hashlib.sha512()
for i in range(20):
    big.update(bytes([i]) * 5000)
print(big.hexdigest()[:32])
print(hashlib.shake_128(b"x").hexdigest(5), hashlib.shake_256(b"x").digest(4), hashlib.shake_128().digest_size)
print(repr(hashlib.sha256()).split(" object")[0], type(hashlib.md5()).__name__)
print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.algorithms_guaranteed <= hashlib.algorithms_available)
print(hashlib.pbkdf2_hmac("sha256", b"pw", b"salt", 10).hex())
print(hashlib.pbkdf2_hmac("sha1", b"pw", b"salt", 2, 10).hex())

for thunk in (lambda: hashlib.new("foo"), lambda: hashlib.sha256("x"), lambda: hashlib.sha256().update(1),
              lambda: hashlib.md5(b"a", b"b")):
    try:
        thunk()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
import io
print(hashlib.file_digest(io.BytesIO(b"abc"), "sha256").hexdigest()[:16])
