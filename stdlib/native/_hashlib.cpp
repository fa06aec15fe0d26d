// _hashlib.cpp — message digests on OpenSSL's libcrypto (EVP API); the
// `hashlib` module (stdlib/lib/hashlib.py) is a thin layer over it.
//
// A HASH object owns an EVP_MD_CTX.  update() with 2 KiB or more of data
// (CPython's HASHLIB_GIL_MINSIZE) hashes WITHOUT the GIL (vm/gil.h), so
// threads hashing big buffers run in parallel.  Because another thread may
// then call update() on the same object, every use of the context holds the
// object's own mutex.  The order matters to avoid a deadlock: a thread that
// holds the GIL and finds the mutex busy releases the GIL before waiting
// for it (HashLock), as CPython's ENTER_HASHLIB does; the thread inside the
// mutex may be waiting for the GIL to come back.
//
// Names: hashlib's names ("sha256", "sha3_256", "blake2b", "shake_128") map
// to OpenSSL's ("SHA256", "SHA3-256", "BLAKE2b512", "SHAKE128").  blake2b
// and blake2s take only their default parameters here; CPython's keyed and
// personalised BLAKE2 (module _blake2) raise NotImplementedError.
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <mutex>
#include <string>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/set.h"
#include "runtime/module.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "stdlib/native/modules.h"
#include "vm/gil.h"

namespace coil::runtime {

TypeObject HashType;

namespace {

constexpr size_t kGilMinSize = 2048;

struct NameMap {
  const char* python;
  const char* openssl;
};

const NameMap kNames[] = {
    {"md5", "MD5"}, {"sha1", "SHA1"}, {"sha224", "SHA224"}, {"sha256", "SHA256"},
    {"sha384", "SHA384"}, {"sha512", "SHA512"}, {"sha512_224", "SHA512-224"},
    {"sha512_256", "SHA512-256"}, {"sha3_224", "SHA3-224"}, {"sha3_256", "SHA3-256"},
    {"sha3_384", "SHA3-384"}, {"sha3_512", "SHA3-512"}, {"shake_128", "SHAKE128"},
    {"shake_256", "SHAKE256"}, {"blake2b", "BLAKE2b512"}, {"blake2s", "BLAKE2s256"},
    {"md5-sha1", "MD5-SHA1"}, {"sm3", "SM3"}, {"ripemd160", "RIPEMD160"},
};

struct HashObject : Object {
  EVP_MD_CTX* ctx = nullptr;
  std::string name;         // hashlib's name: "sha256"
  std::mutex mu;            // guards ctx (see the essay)
};

HashObject* as_hash(Object* o) { return static_cast<HashObject*>(o); }

// Holds a HASH object's mutex; waits for it without the GIL when busy.
class HashLock {
 public:
  explicit HashLock(HashObject* h) : h_(h) {
    if (!h_->mu.try_lock()) {
      vm::ReleaseGil nogil;
      h_->mu.lock();
    }
  }
  ~HashLock() { h_->mu.unlock(); }

 private:
  HashObject* h_;
};

const EVP_MD* find_digest(const std::string& python_name) {
  for (const NameMap& n : kNames)
    if (python_name == n.python) return EVP_get_digestbyname(n.openssl);
  return nullptr;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_xof(HashObject* h) { return EVP_MD_flags(EVP_MD_CTX_get0_md(h->ctx)) & EVP_MD_FLAG_XOF; }

// The bytes to hash: anything with the buffer protocol except str.  A
// large bytearray is copied first (it could be resized while the GIL is
// released).
bool hash_data(Object* o, std::string_view* out, std::string* copy) {
  if (str_check(o)) {
    set_error(exc::TypeError, "Strings must be encoded before hashing");
    return false;
  }
  if (!bytes_like_view(o, out)) {
    set_error(exc::TypeError, "object supporting the buffer API required");
    return false;
  }
  if (!bytes_check(o) && out->size() >= kGilMinSize) {
    copy->assign(*out);
    *out = *copy;
  }
  return true;
}

bool do_update(HashObject* h, std::string_view data) {
  int ok;
  if (data.size() >= kGilMinSize) {
    vm::ReleaseGil nogil;
    std::lock_guard<std::mutex> g(h->mu);
    ok = EVP_DigestUpdate(h->ctx, data.data(), data.size());
  } else {
    HashLock g(h);
    ok = EVP_DigestUpdate(h->ctx, data.data(), data.size());
  }
  if (!ok) set_error(exc::ValueError, "[digital envelope routines] EVP_DigestUpdate failed");
  return ok;
}

Ref<Object> new_hash(const std::string& name, Object* data) {
  const EVP_MD* md = find_digest(name);
  if (!md) return set_errorf(exc::ValueError, "unsupported hash type %s", name.c_str());
  std::string_view view;
  std::string copy;
  if (data && !hash_data(data, &view, &copy)) return nullptr;
  HashObject* h = alloc<HashObject>(&HashType);
  if (!h) return nullptr;
  Ref<Object> r = steal(static_cast<Object*>(h));
  h->name = name;
  h->ctx = EVP_MD_CTX_new();
  if (!h->ctx || !EVP_DigestInit_ex(h->ctx, md, nullptr)) return set_error(exc::ValueError, "digest initialisation failed");
  if (data && !view.empty() && !do_update(h, view)) return nullptr;
  return r;
}

void hash_dealloc(Object* self) {
  HashObject* h = as_hash(self);
  if (h->ctx) EVP_MD_CTX_free(h->ctx);
  destroy_object(h);
}

Ref<Object> hash_update(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("update", kw) || !check_nargs("update", nargs, 1, 1)) return nullptr;
  std::string_view view;
  std::string copy;
  if (!hash_data(args[0], &view, &copy) || !do_update(as_hash(self), view)) return nullptr;
  return none();
}

// The digest of a copy of the context (the object can go on updating).
// `length` is for the XOF digests (shake_*).
bool final_digest(HashObject* h, size_t length, std::string* out) {
  EVP_MD_CTX* tmp = EVP_MD_CTX_new();
  if (!tmp) {
    set_error(exc::MemoryError, "");
    return false;
  }
  bool ok;
  {
    HashLock g(h);
    ok = EVP_MD_CTX_copy_ex(tmp, h->ctx);
  }
  if (ok && is_xof(h)) {
    out->resize(length);
    ok = EVP_DigestFinalXOF(tmp, reinterpret_cast<unsigned char*>(out->data()), length);
  } else if (ok) {
    unsigned char buf[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    ok = EVP_DigestFinal_ex(tmp, buf, &n);
    out->assign(reinterpret_cast<char*>(buf), n);
  }
  EVP_MD_CTX_free(tmp);
  if (!ok) set_error(exc::ValueError, "[digital envelope routines] digest failed");
  return ok;
}

// digest() for fixed-size hashes, digest(length) for shake_*.
bool digest_args(HashObject* h, const char* fname, Object* const* args, size_t nargs, Tuple* kw, size_t* length) {
  *length = 0;
  if (!is_xof(h)) return check_no_args(fname, nargs, kw);
  static const ArgSpec spec{"digest", {"length"}, 1};
  Object* a[1];
  if (!bind_args(spec, args, nargs, kw, a)) return false;
  int64_t n;
  if (!index_to_i64(a[0], &n)) return false;
  if (n < 0) {
    set_error(exc::ValueError, "length must be non-negative");
    return false;
  }
  *length = static_cast<size_t>(n);
  return true;
}

Ref<Object> hash_digest(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  HashObject* h = as_hash(self);
  size_t length;
  std::string d;
  if (!digest_args(h, "digest", args, nargs, kw, &length) || !final_digest(h, length, &d)) return nullptr;
  return bytes_from(d);
}

Ref<Object> hash_hexdigest(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  HashObject* h = as_hash(self);
  size_t length;
  std::string d;
  if (!digest_args(h, "hexdigest", args, nargs, kw, &length) || !final_digest(h, length, &d)) return nullptr;
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : d) {
    hex.push_back(kHex[c >> 4]);
    hex.push_back(kHex[c & 15]);
  }
  return str_from(hex);
}

Ref<Object> hash_copy(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("copy", nargs, kw)) return nullptr;
  HashObject* h = as_hash(self);
  HashObject* c = alloc<HashObject>(&HashType);
  if (!c) return nullptr;
  Ref<Object> r = steal(static_cast<Object*>(c));
  c->name = h->name;
  c->ctx = EVP_MD_CTX_new();
  bool ok = c->ctx != nullptr;
  if (ok) {
    HashLock g(h);
    ok = EVP_MD_CTX_copy_ex(c->ctx, h->ctx);
  }
  if (!ok) return set_error(exc::ValueError, "[digital envelope routines] copy failed");
  return r;
}

Ref<Object> hash_name(Object* self) { return str_from(as_hash(self)->name); }
Ref<Object> hash_digest_size(Object* self) {
  HashObject* h = as_hash(self);
  return int_from_i64(is_xof(h) ? 0 : EVP_MD_get_size(EVP_MD_CTX_get0_md(h->ctx)));
}
Ref<Object> hash_block_size(Object* self) {
  return int_from_i64(EVP_MD_get_block_size(EVP_MD_CTX_get0_md(as_hash(self)->ctx)));
}

Ref<Object> hash_repr(Object* self) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(self));
  const char* kind = is_xof(as_hash(self)) ? "HASHXOF" : "HASH";
  return str_from("<" + as_hash(self)->name + " _hashlib." + kind + " object @ " + buf + ">");
}

const MethodDef hash_methods[] = {
    {"update", hash_update, MethodKind::Instance, "Update this hash object's state with the provided string."},
    {"digest", hash_digest, MethodKind::Instance, "Return the digest value as a bytes object."},
    {"hexdigest", hash_hexdigest, MethodKind::Instance, "Return the digest value as a string of hexadecimal digits."},
    {"copy", hash_copy, MethodKind::Instance, "Return a copy of the hash object."},
    {nullptr},
};

const GetSetDef hash_getset[] = {
    {"name", hash_name, nullptr, nullptr},
    {"digest_size", hash_digest_size, nullptr, nullptr},
    {"block_size", hash_block_size, nullptr, nullptr},
    {nullptr},
};

// new(name, string=b'', *, usedforsecurity=True)
Ref<Object> hl_new(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"new", {"name", "string", "usedforsecurity"}, 1, 0, 2};
  Object* a[3];
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  if (!str_check(a[0])) return set_errorf(exc::TypeError, "new() argument 'name' must be str, not %T", a[0]);
  return new_hash(lower(str_view(a[0])), a[1]);
}

// openssl_sha256(string=b'', *, usedforsecurity=True) and friends.
template <const char* Name>
Ref<Object> hl_named(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const std::string fname = std::string("openssl_") + Name;
  static const ArgSpec spec{fname.c_str(), {"string", "usedforsecurity"}, 0, 0, 1};
  Object* a[2];
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  return new_hash(Name, a[0]);
}

constexpr char kMd5[] = "md5", kSha1[] = "sha1", kSha224[] = "sha224", kSha256[] = "sha256",
               kSha384[] = "sha384", kSha512[] = "sha512", kSha3_224[] = "sha3_224",
               kSha3_256[] = "sha3_256", kSha3_384[] = "sha3_384", kSha3_512[] = "sha3_512",
               kShake128[] = "shake_128", kShake256[] = "shake_256", kBlake2b[] = "blake2b",
               kBlake2s[] = "blake2s";

// pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None)
Ref<Object> hl_pbkdf2_hmac(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"pbkdf2_hmac", {"hash_name", "password", "salt", "iterations", "dklen"}, 4};
  Object* a[5];
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  if (!str_check(a[0])) return set_errorf(exc::TypeError, "pbkdf2_hmac() argument 'hash_name' must be str, not %T", a[0]);
  const EVP_MD* md = find_digest(lower(str_view(a[0])));
  if (!md) return set_errorf(exc::ValueError, "unsupported hash type %s", std::string(str_view(a[0])).c_str());
  std::string_view pw, salt;
  if (!bytes_like_view(a[1], &pw) || !bytes_like_view(a[2], &salt))
    return set_error(exc::TypeError, "a bytes-like object is required");
  int64_t iterations, dklen = EVP_MD_get_size(md);
  if (!index_to_i64(a[3], &iterations) || (a[4] && a[4] != None && !index_to_i64(a[4], &dklen))) return nullptr;
  if (iterations < 1) return set_error(exc::ValueError, "iteration value must be greater than 0.");
  if (dklen < 1) return set_error(exc::ValueError, "key length must be greater than 0.");
  std::string key(static_cast<size_t>(dklen), '\0');
  std::string pw_copy(pw), salt_copy(salt);
  int ok;
  {
    vm::ReleaseGil nogil;   // deliberately slow: let other threads run
    ok = PKCS5_PBKDF2_HMAC(pw_copy.data(), static_cast<int>(pw_copy.size()),
                           reinterpret_cast<const unsigned char*>(salt_copy.data()),
                           static_cast<int>(salt_copy.size()), static_cast<int>(iterations), md,
                           static_cast<int>(dklen), reinterpret_cast<unsigned char*>(key.data()));
  }
  if (!ok) return set_error(exc::ValueError, "[digital envelope routines] PBKDF2 failed");
  return bytes_from(key);
}

// compare_digest(a, b): equality in time independent of where they differ.
Ref<Object> hl_compare_digest(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("compare_digest", kw) || !check_nargs("compare_digest", nargs, 2, 2)) return nullptr;
  std::string_view x, y;
  bool both_str = str_check(args[0]) && str_check(args[1]);
  if (both_str) {
    x = str_view(args[0]);
    y = str_view(args[1]);
  } else if (!bytes_like_view(args[0], &x) || !bytes_like_view(args[1], &y)) {
    return set_errorf(exc::TypeError, "unsupported operand types(s) or combination of types: '%T' and '%T'",
                      args[0], args[1]);
  }
  bool same = x.size() == y.size() && CRYPTO_memcmp(x.data(), y.data(), x.size()) == 0;
  return borrow(same ? True : False);
}

const MethodDef hashlib_functions[] = {
    {"new", hl_new, MethodKind::Instance, "Return a new hash object using the named algorithm."},
    {"openssl_md5", hl_named<kMd5>}, {"openssl_sha1", hl_named<kSha1>},
    {"openssl_sha224", hl_named<kSha224>}, {"openssl_sha256", hl_named<kSha256>},
    {"openssl_sha384", hl_named<kSha384>}, {"openssl_sha512", hl_named<kSha512>},
    {"openssl_sha3_224", hl_named<kSha3_224>}, {"openssl_sha3_256", hl_named<kSha3_256>},
    {"openssl_sha3_384", hl_named<kSha3_384>}, {"openssl_sha3_512", hl_named<kSha3_512>},
    {"openssl_shake_128", hl_named<kShake128>}, {"openssl_shake_256", hl_named<kShake256>},
    {"openssl_blake2b", hl_named<kBlake2b>}, {"openssl_blake2s", hl_named<kBlake2s>},
    {"pbkdf2_hmac", hl_pbkdf2_hmac, MethodKind::Instance, "Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as pseudorandom function."},
    {"compare_digest", hl_compare_digest, MethodKind::Instance, "Return 'a == b'."},
    {nullptr},
};

bool init_hash_type() {
  if (type_has(&HashType, kReady)) return true;
  TypeObject& t = HashType;
  t.type = &TypeType;
  t.base = &ObjectType;
  t.name = "_hashlib.HASH";
  t.doc = "A hash is an object used to calculate a checksum of a string of information.";
  t.basic_size = sizeof(HashObject);
  t.dealloc = hash_dealloc;
  t.repr = hash_repr;
  t.methods = hash_methods;
  t.getset = hash_getset;
  return type_ready(&t);
}

}  // namespace

Ref<Object> make__hashlib_module() {
  if (!init_hash_type()) return nullptr;
  Ref<Object> m = module_new_builtin("_hashlib");
  if (!m || !module_add_functions(m.get(), hashlib_functions) || !module_add_object(m.get(), "HASH", &HashType))
    return nullptr;
  // The names this OpenSSL really provides (hashlib.algorithms_available).
  Ref<Object> names = list_new();
  if (!names) return nullptr;
  for (const NameMap& n : kNames) {
    if (!EVP_get_digestbyname(n.openssl)) continue;
    Ref<Object> s = str_from(n.python);
    if (!s || !list_append(static_cast<List*>(names.get()), s.get())) return nullptr;
  }
  Ref<Object> frozen = call1(&FrozenSetType, names.get());
  if (!frozen || !module_add_object(m.get(), "openssl_md_meth_names", frozen.get())) return nullptr;
  return m;
}

}  // namespace coil::runtime
