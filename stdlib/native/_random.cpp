// _random.cpp — the `_random` module: the Mersenne Twister core that
// stdlib/lib/random.py builds every distribution on.
//
// MT19937 (Matsumoto & Nishimura) keeps 624 32-bit words of state and
// produces 32-bit outputs.  To match CPython bit for bit:
//
//  * seed(n) for an int uses init_by_array() on the 32-bit chunks of |n|,
//    least significant first (seed 0 is the one-word key [0]); any other
//    object is seeded by |hash(obj)|.  (random.py turns str/bytes seeds
//    into ints first, with SHA-512, before calling this.)
//  * random() takes two outputs, keeps 27 and 26 bits, and builds a double
//    in [0, 1) with 53 random bits: (a*2**26 + b) / 2**53.
//  * getrandbits(k) fills k bits from 32-bit outputs, least significant
//    word first; the last word is shifted right to keep its top bits.
//
// seed(None) reads the seed from os.urandom (getrandom(2)).
//
// The module also exports _sha512(data) -> digest bytes, a small FIPS 180-4
// implementation, because random.seed("text") needs it and coil has no
// hashlib yet.
#include <sys/random.h>
#include <time.h>

#include <cstring>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native/modules.h"

namespace coil::runtime {

TypeObject RandomType;

namespace {

constexpr int N = 624;
constexpr int M = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfU;
constexpr uint32_t kUpperMask = 0x80000000U;
constexpr uint32_t kLowerMask = 0x7fffffffU;

struct RandomObj : Object {
  int index = N + 1;
  uint32_t state[N] = {};
};

inline RandomObj* as_rnd(Object* o) { return static_cast<RandomObj*>(o); }

// ---- MT19937, following the reference implementation ----------------------------------------

void init_genrand(RandomObj* r, uint32_t s) {
  uint32_t* mt = r->state;
  mt[0] = s;
  for (int i = 1; i < N; i++) mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + static_cast<uint32_t>(i);
  r->index = N;
}

void init_by_array(RandomObj* r, const uint32_t* key, size_t key_length) {
  uint32_t* mt = r->state;
  init_genrand(r, 19650218U);
  size_t i = 1, j = 0;
  size_t k = N > key_length ? N : key_length;
  for (; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + static_cast<uint32_t>(j);
    i++;
    j++;
    if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
    if (j >= key_length) j = 0;
  }
  for (k = N - 1; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - static_cast<uint32_t>(i);
    i++;
    if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
  }
  mt[0] = 0x80000000U;   // the MSB is 1, assuring a non-zero initial array
}

uint32_t genrand_uint32(RandomObj* r) {
  static const uint32_t mag01[2] = {0x0U, kMatrixA};
  uint32_t* mt = r->state;
  uint32_t y;
  if (r->index >= N) {
    int kk;
    for (kk = 0; kk < N - M; kk++) {
      y = (mt[kk] & kUpperMask) | (mt[kk + 1] & kLowerMask);
      mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[y & 0x1U];
    }
    for (; kk < N - 1; kk++) {
      y = (mt[kk] & kUpperMask) | (mt[kk + 1] & kLowerMask);
      mt[kk] = mt[kk + (M - N)] ^ (y >> 1) ^ mag01[y & 0x1U];
    }
    y = (mt[N - 1] & kUpperMask) | (mt[0] & kLowerMask);
    mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
    r->index = 0;
  }
  y = mt[r->index++];
  y ^= (y >> 11);
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= (y >> 18);
  return y;
}

// ---- seeding ------------------------------------------------------------------------------

bool seed_from_int(RandomObj* r, Object* n) {
  mpz_t z;
  mpz_init(z);
  int_to_mpz(n, z);
  mpz_abs(z, z);
  std::vector<uint32_t> key;
  if (mpz_sgn(z) == 0) {
    key.push_back(0);
  } else {
    size_t words = (mpz_sizeinbase(z, 2) + 31) / 32;
    key.resize(words);
    size_t count = 0;
    mpz_export(key.data(), &count, -1, sizeof(uint32_t), 0, 0, z);
    key.resize(count ? count : 1);
  }
  mpz_clear(z);
  init_by_array(r, key.data(), key.size());
  return true;
}

bool seed_from_urandom(RandomObj* r) {
  uint32_t key[N];
  size_t got = 0;
  char* p = reinterpret_cast<char*>(key);
  while (got < sizeof key) {
    ssize_t n = ::getrandom(p + got, sizeof key - got, 0);
    if (n < 0) {
      // No entropy source: fall back on the time and the pid, as CPython does.
      struct timespec ts;
      clock_gettime(CLOCK_REALTIME, &ts);
      uint32_t k2[2] = {static_cast<uint32_t>(ts.tv_sec), static_cast<uint32_t>(ts.tv_nsec)};
      init_by_array(r, k2, 2);
      return true;
    }
    got += static_cast<size_t>(n);
  }
  init_by_array(r, key, N);
  return true;
}

bool do_seed(RandomObj* r, Object* arg) {
  if (!arg || arg == None) return seed_from_urandom(r);
  if (int_check(arg)) return seed_from_int(r, arg);
  int64_t h = hash(arg);
  if (h == -1 && error_occurred()) return false;
  Ref<Object> n = int_from_i64(h);
  if (!n) return false;
  return seed_from_int(r, n.get());
}

// ---- methods ------------------------------------------------------------------------------

Ref<Object> rnd_seed(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("seed", kw) || !check_nargs("seed", nargs, 0, 1)) return nullptr;
  if (!do_seed(as_rnd(self), nargs ? args[0] : nullptr)) return nullptr;
  return none();
}

double random_double(RandomObj* r) {
  uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

Ref<Object> rnd_random(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_nargs("random", nargs, 0, 0)) return nullptr;
  return float_from_double(random_double(as_rnd(self)));
}

Ref<Object> rnd_getrandbits(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("getrandbits", kw) || !check_nargs("getrandbits", nargs, 1, 1)) return nullptr;
  int64_t k;
  if (!index_to_i64(args[0], &k)) return nullptr;
  if (k < 0) return set_error(exc::ValueError, "number of bits must be non-negative");
  RandomObj* r = as_rnd(self);
  if (k == 0) return int_from_i64(0);
  if (k <= 32) return int_from_i64(genrand_uint32(r) >> (32 - k));
  size_t words = static_cast<size_t>((k - 1) / 32 + 1);
  std::vector<uint32_t> w(words);
  int64_t remaining = k;
  for (size_t i = 0; i < words; i++, remaining -= 32) {
    uint32_t x = genrand_uint32(r);
    if (remaining < 32) x >>= (32 - remaining);   // drop the least significant bits
    w[i] = x;
  }
  mpz_t z;
  mpz_init(z);
  mpz_import(z, words, -1, sizeof(uint32_t), 0, 0, w.data());
  return int_from_mpz_steal(z);
}

Ref<Object> rnd_getstate(Object* self, Object* const*, size_t, Tuple*) {
  RandomObj* r = as_rnd(self);
  Ref<Tuple> t = tuple_new(N + 1);
  if (!t) return nullptr;
  for (int i = 0; i < N; i++) {
    Ref<Object> v = int_from_u64(r->state[i]);
    if (!v) return nullptr;
    tuple_set(t.get(), static_cast<size_t>(i), std::move(v));
  }
  Ref<Object> idx = int_from_i64(r->index);
  if (!idx) return nullptr;
  tuple_set(t.get(), N, std::move(idx));
  return t;
}

Ref<Object> rnd_setstate(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("setstate", nargs, 1, 1)) return nullptr;
  if (!tuple_check(args[0])) return set_error(exc::TypeError, "state vector must be a tuple");
  Tuple* t = static_cast<Tuple*>(args[0]);
  if (t->size != N + 1) return set_error(exc::ValueError, "state vector is the wrong size");
  RandomObj* r = as_rnd(self);
  uint32_t st[N];
  for (int i = 0; i < N; i++) {
    if (!int_check(t->items[i])) return set_error(exc::TypeError, "state vector items must be integers");
    int64_t v;
    if (!int_fits_i64(t->items[i], &v) || v < 0 || v > UINT32_MAX)
      return set_error(exc::OverflowError, "Python int too large to convert to C unsigned long");
    st[i] = static_cast<uint32_t>(v);
  }
  int64_t idx;
  if (!index_to_i64(t->items[N], &idx)) return nullptr;
  if (idx < 0 || idx > N) return set_error(exc::ValueError, "invalid state");
  std::memcpy(r->state, st, sizeof st);
  r->index = static_cast<int>(idx);
  return none();
}

Ref<Object> rnd_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kw) {
  if (type == &RandomType && !check_no_kwargs("Random", kw)) return nullptr;
  if (type == &RandomType && !check_nargs("Random", nargs, 0, 1)) return nullptr;
  RandomObj* r = alloc<RandomObj>(type);
  if (!r) return nullptr;
  Ref<Object> ref = steal(static_cast<Object*>(r));
  // Subclasses (random.Random) seed in their __init__; seed here too so a
  // bare _random.Random() is usable.
  if (!do_seed(r, nargs ? args[0] : nullptr)) {
    if (type != &RandomType) { clear_error(); seed_from_urandom(r); }
    else return nullptr;
  }
  return ref;
}

void rnd_dealloc(Object* self) { destroy_object(as_rnd(self)); }

const MethodDef rnd_methods[] = {
    {"seed", rnd_seed},
    {"random", rnd_random},
    {"getrandbits", rnd_getrandbits},
    {"getstate", rnd_getstate},
    {"setstate", rnd_setstate},
    {nullptr},
};

// ---- SHA-512 (FIPS 180-4) ---------------------------------------------------------------------

constexpr uint64_t kK[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL, 0x3956c25bf348b538ULL,
    0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL, 0xd807aa98a3030242ULL, 0x12835b0145706fbeULL,
    0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL, 0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL,
    0xc19bf174cf692694ULL, 0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL, 0x983e5152ee66dfabULL,
    0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL, 0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL,
    0x06ca6351e003826fULL, 0x142929670a0e6e70ULL, 0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL,
    0x53380d139d95b3dfULL, 0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL, 0xd192e819d6ef5218ULL,
    0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL, 0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL,
    0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL, 0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL,
    0x682e6ff3d6b2b8a3ULL, 0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL, 0xca273eceea26619cULL,
    0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL, 0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL,
    0x113f9804bef90daeULL, 0x1b710b35131c471bULL, 0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL,
    0x431d67c49c100d4cULL, 0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL};

inline uint64_t rotr(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

void sha512_block(uint64_t h[8], const unsigned char* p) {
  uint64_t w[80];
  for (int i = 0; i < 16; i++) {
    w[i] = 0;
    for (int k = 0; k < 8; k++) w[i] = (w[i] << 8) | p[i * 8 + k];
  }
  for (int i = 16; i < 80; i++) {
    uint64_t s0 = rotr(w[i - 15], 1) ^ rotr(w[i - 15], 8) ^ (w[i - 15] >> 7);
    uint64_t s1 = rotr(w[i - 2], 19) ^ rotr(w[i - 2], 61) ^ (w[i - 2] >> 6);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int i = 0; i < 80; i++) {
    uint64_t S1 = rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41);
    uint64_t ch = (e & f) ^ (~e & g);
    uint64_t t1 = hh + S1 + ch + kK[i] + w[i];
    uint64_t S0 = rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39);
    uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
    uint64_t t2 = S0 + maj;
    hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
  }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

std::string sha512(std::string_view data) {
  uint64_t h[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
                   0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
  std::string msg(data);
  uint64_t bitlen = static_cast<uint64_t>(data.size()) * 8;
  msg.push_back(static_cast<char>(0x80));
  while (msg.size() % 128 != 112) msg.push_back('\0');
  for (int i = 0; i < 8; i++) msg.push_back('\0');   // high 64 bits of the 128-bit length
  for (int i = 7; i >= 0; i--) msg.push_back(static_cast<char>((bitlen >> (i * 8)) & 0xFF));
  for (size_t off = 0; off < msg.size(); off += 128)
    sha512_block(h, reinterpret_cast<const unsigned char*>(msg.data() + off));
  std::string out;
  for (uint64_t v : h)
    for (int i = 7; i >= 0; i--) out.push_back(static_cast<char>((v >> (i * 8)) & 0xFF));
  return out;
}

Ref<Object> f_sha512(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("_sha512", nargs, 1, 1)) return nullptr;
  std::string_view v;
  if (!bytes_like_view(args[0], &v))
    return set_errorf(exc::TypeError, "a bytes-like object is required, not '%T'", args[0]);
  return bytes_from(sha512(v));
}

const MethodDef random_functions[] = {
    {"_sha512", f_sha512},
    {nullptr},
};

bool init_random_type() {
  static bool ready = false;
  if (ready) return true;
  TypeObject& t = RandomType;
  t.type = &TypeType;
  t.base = &ObjectType;
  t.name = "_random.Random";
  t.doc = "Random() -> create a random number generator with its own internal state.";
  t.basic_size = sizeof(RandomObj);
  t.flags = kBaseType;
  t.dealloc = rnd_dealloc;
  t.new_ = rnd_new;
  t.methods = rnd_methods;
  if (!type_ready(&t)) return false;
  ready = true;
  return true;
}

}  // namespace

Ref<Object> make_random_module() {
  if (!init_random_type()) return nullptr;
  Ref<Object> m = module_new_builtin("_random");
  if (!m || !module_add_functions(m.get(), random_functions) || !module_add_object(m.get(), "Random", &RandomType))
    return nullptr;
  return m;
}

}  // namespace coil::runtime
