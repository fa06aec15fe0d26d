// alloc.cpp — the one choke point through which object memory flows.
//
// POOLED BLOCKS CARRY NO HEADER.  Small blocks (<= 512 bytes, in size
// classes 8 bytes apart — CPython 3.11's pymalloc uses 16; coil's structs
// need no more than 8-byte alignment, and an int (40 bytes) then takes 40,
// not 48) are carved out of 32 KiB chunks that are themselves 32 KiB-aligned:
//
//     chunk (32 KiB, aligned to 32 KiB)
//     +--------------+---------+---------+---------+-----+-------+
//     | ChunkHeader  | block 0 | block 1 | block 2 | ... | slack |
//     | (16 bytes)   |         |         |         |     |       |
//     +--------------+---------+---------+---------+-----+-------+
//
// Chunks are cut from 1 MiB mmap'd arenas (new_chunk).
// Everything the allocator must know about a pooled block is found from
// its address: `p & ~(32K-1)` is the chunk, whose header holds the size
// class.  So a float (24 bytes) occupies 24 bytes, not 48 as with the
// 16-byte per-object header coil used to have.  Free blocks of a class form a LIFO free list threaded
// through the blocks themselves: a pop and a push instead of a trip through
// malloc, for the swarm of ints, floats, tuples and bound methods.
//
// LARGE BLOCKS (> 512 bytes) come from malloc with a 16-byte header (their
// size, for the poison aid) — 16 bytes are noise next to 512.
//
// TELLING THEM APART.  mem_free(p) must not read memory at `p & ~(32K-1)`
// unless that is really a chunk: for a large block it may be unmapped.  So
// every chunk is recorded in a two-level radix tree over the chunk number
// (address >> 15), CPython's "arena map" idea: a 2^17-entry root (1 MiB of
// zero-filled .bss, whose pages exist only where chunks live) of 8 KiB
// bitmaps with one bit per chunk.  A lookup is two dependent loads, no
// hashing and no locking.
//
// PREFIXED BLOCKS.  Instances of classes derived from variable-size
// built-ins (str, bytes, tuple) keep their __dict__ / __slots__ words just
// BEFORE the object (runtime/type.cpp, "instance layout").  mem_alloc_prefixed
// returns a pointer `prefix` bytes into the block.  mem_free finds the block
// start of a pooled pointer by rounding down to the block boundary (one
// multiply by the class's reciprocal, kept in the chunk header), so interior
// pointers need no bookkeeping; the rare large prefixed block is remembered
// in a small side table.
//
// The pool is only touched under the GIL, so it needs no locking — a thread
// that dropped the GIL must not allocate objects.  Chunks are never
// returned to the system.
//
// Debug aid: define COIL_ALLOC_POISON to fill freed blocks with 0xDB so a
// use-after-free shows up as a wild pointer quickly.
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_map>
#include <vector>

#include <sys/mman.h>

#if defined(__SANITIZE_ADDRESS__)
#define COIL_ALLOC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define COIL_ALLOC_ASAN 1
#endif
#endif
#if COIL_ALLOC_ASAN
#include <sanitizer/lsan_interface.h>
#endif

#include "runtime/gc.h"
#include "runtime/object.h"
#include "runtime/type.h"

namespace coil::runtime {

namespace {

constexpr size_t kGrain = 8;                         // size classes are 8 bytes apart
constexpr size_t kMaxPooled = 512;                   // largest pooled block
constexpr size_t kNumClasses = kMaxPooled / kGrain;  // classes 2..64
constexpr size_t kChunkShift = 15;
constexpr size_t kChunkSize = size_t{1} << kChunkShift;   // 32 KiB
constexpr uintptr_t kChunkMask = ~(uintptr_t{kChunkSize} - 1);
constexpr size_t kLargeHeader = 16;

struct ChunkHeader {
  uint8_t cls;           // size class: blocks are cls * kGrain bytes
  uint8_t young_listed : 1;  // in the collector's list of chunks with young objects
  uint8_t rare_bits : 1;     // some block here has had kFinalized or kFrozen set
  uint16_t block_size;
  uint32_t reciprocal;   // floor(2^32 / block_size) + 1: offset / size by multiply
  // The cycle collector's side bits (runtime/gc.h, "SIDE BITS" below):
  // kGcPlanes bitmaps of one bit per block, calloc'd when the chunk's
  // first object is tracked; null in chunks that never held one.
  uint64_t* gc_bits;
};
static_assert(sizeof(ChunkHeader) == 16, "keeps blocks whose size is a multiple of 16 16-byte aligned");

struct FreeBlock { FreeBlock* next; };

FreeBlock* g_free[kNumClasses + 1] = {};

// ---- the chunk map: a radix tree over chunk numbers -----------------------------

constexpr int kAddressBits = 48;                          // x86-64 / AArch64 user space
constexpr int kChunkNumberBits = kAddressBits - static_cast<int>(kChunkShift);   // 33
constexpr int kLeafBits = 16;                             // 2^16 chunks (2 GiB) per leaf
constexpr int kRootBits = kChunkNumberBits - kLeafBits;   // 17
constexpr size_t kLeafWords = (size_t{1} << kLeafBits) / 64;

// 2^kRootBits leaf pointers (1 MiB of zero pages in .bss: the system maps
// only the pages that get written), leaves calloc'd on demand.
uint64_t* g_root[size_t{1} << kRootBits] = {};

inline bool chunk_registered(uintptr_t chunk) {
  uintptr_t n = chunk >> kChunkShift;
  if (n >> kChunkNumberBits) return false;
  const uint64_t* leaf = g_root[n >> kLeafBits];
  if (!leaf) return false;
  size_t bit = n & ((size_t{1} << kLeafBits) - 1);
  return (leaf[bit >> 6] >> (bit & 63)) & 1;
}

bool register_chunk(uintptr_t chunk) {
  uintptr_t n = chunk >> kChunkShift;
  if (n >> kChunkNumberBits) return false;   // outside the mapped address range
  uint64_t*& leaf = g_root[n >> kLeafBits];
  if (!leaf) {
    leaf = static_cast<uint64_t*>(std::calloc(kLeafWords, sizeof(uint64_t)));
    if (!leaf) return false;
  }
  size_t bit = n & ((size_t{1} << kLeafBits) - 1);
  leaf[bit >> 6] |= uint64_t{1} << (bit & 63);
  return true;
}

// Chunks are cut from 1 MiB arenas mapped straight from the system:
// asking malloc for 32 KiB-aligned 32 KiB blocks one at a time wastes up
// to half of the memory in alignment gaps, and 1 MiB arenas from malloc's
// heap pin it (freed big buffers above them can't go back to the system).
// Untouched pages of an arena cost no RSS.  Under AddressSanitizer each
// arena is registered as a LeakSanitizer root region, so the pointers the
// pooled objects hold keep what they point to "reachable".
constexpr size_t kArenaSize = size_t{1} << 20;
char* g_arena_next = nullptr;
char* g_arena_end = nullptr;

char* new_chunk() {
  if (g_arena_next == g_arena_end) {
    size_t map = kArenaSize + kChunkSize;
    void* m = mmap(nullptr, map, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) return nullptr;
    auto start = reinterpret_cast<uintptr_t>(m);
    uintptr_t aligned = (start + kChunkSize - 1) & kChunkMask;
    // Give the unaligned head and the tail back.
    if (aligned > start) munmap(m, aligned - start);
    uintptr_t end = aligned + kArenaSize;
    if (start + map > end) munmap(reinterpret_cast<void*>(end), start + map - end);
    g_arena_next = reinterpret_cast<char*>(aligned);
    g_arena_end = reinterpret_cast<char*>(end);
#if COIL_ALLOC_ASAN
    __lsan_register_root_region(g_arena_next, kArenaSize);
#endif
  }
  char* chunk = g_arena_next;
  g_arena_next += kChunkSize;
  return chunk;
}

// Carves a fresh chunk into blocks of class `cls`; false when out of memory.
bool refill(size_t cls) {
  char* chunk = new_chunk();
  if (!chunk) return false;
  if (!register_chunk(reinterpret_cast<uintptr_t>(chunk))) return false;   // chunk leaks: OOM anyway
  auto* h = reinterpret_cast<ChunkHeader*>(chunk);
  size_t block = cls * kGrain;
  h->cls = static_cast<uint8_t>(cls);
  h->young_listed = 0;
  h->rare_bits = 0;
  h->block_size = static_cast<uint16_t>(block);
  h->reciprocal = static_cast<uint32_t>((uint64_t{1} << 32) / block + 1);
  h->gc_bits = nullptr;
  size_t n = (kChunkSize - sizeof(ChunkHeader)) / block;
  // Pushed in reverse so the free list hands blocks out in address order.
  for (size_t i = n; i-- > 0;) {
    auto* b = reinterpret_cast<FreeBlock*>(chunk + sizeof(ChunkHeader) + i * block);
    b->next = g_free[cls];
    g_free[cls] = b;
  }
  return true;
}

// The size class of a pooled block of `total` bytes.
inline size_t size_class(size_t total) {
  size_t cls = (total + kGrain - 1) / kGrain;
  return cls < 2 ? 2 : cls;   // a block must hold a FreeBlock link, and 16 keeps tiny buffers aligned
}

inline void* pool_alloc(size_t total) {
  size_t cls = size_class(total);
  if (!g_free[cls] && !refill(cls)) return nullptr;
  FreeBlock* b = g_free[cls];
  g_free[cls] = b->next;
  return b;
}

// Large blocks that hold a prefix: object pointer -> malloc'd block.
std::unordered_map<void*, char*>& large_prefixed() {
  static auto* m = new std::unordered_map<void*, char*>();
  return *m;
}

void* large_alloc(size_t total) {
  char* block = static_cast<char*>(std::malloc(total + kLargeHeader));
  if (!block) return nullptr;
  reinterpret_cast<uint64_t*>(block)[0] = total;
  reinterpret_cast<uint64_t*>(block)[1] = 0;
  return block + kLargeHeader;
}

void side_forget(const void* p);

// Word 1 of a large block's header: bit 0 says "has an entry in the side
// flags of the cycle collector" (non-prefixed blocks only), so freeing an
// ordinary large buffer never looks in that table.
constexpr uint64_t kLargeHasSideFlags = 1;

void large_free(char* data) {
  char* block = data - kLargeHeader;
  if (reinterpret_cast<uint64_t*>(block)[1] & kLargeHasSideFlags) side_forget(data);
#ifdef COIL_ALLOC_POISON
  std::memset(block, 0xDB, reinterpret_cast<uint64_t*>(block)[0] + kLargeHeader);
#endif
  std::free(block);
}


// ---- SIDE BITS for the cycle collector (runtime/gc.h) ---------------------------
//
// The collector needs three facts per object — is it tracked, has its
// __del__ run (PEP 442), is it frozen (gc.freeze) — and coil's blocks have
// no header to keep them in.  So they live beside the blocks: a chunk
// whose blocks ever held a tracked object gets kGcPlanes bitmaps, one bit
// per block, found through ChunkHeader::gc_bits.  Chunks of floats or
// strs never pay for them.  The few objects that do not start a pooled
// block (large blocks from malloc, and the prefixed instances of str /
// bytes / tuple subclasses) keep the same bits in a small hash map instead.
// Freeing a block clears its bits, so a block reused by a new object
// starts clean, and freeing a tracked object lowers the collector's
// allocation count (gc::g_young_count), as CPython's gc_dealloc does.

constexpr int kGcPlanes = 4;   // gc::HeapBit: tracked, finalized, frozen, young

// THE YOUNG GENERATION.  A tracked object allocated since the last
// collection has its kYoung bit set too, and its chunk is listed in
// young_chunks (once: ChunkHeader::young_listed).  A collection of
// generation 0 reads the young bits of just those chunks, ANDed with the
// tracked bits; an object freed before that simply has its tracked bit
// cleared (a stale young bit is harmless: the block's next tracked object
// is young anyway), so a short-lived object costs two bit operations at
// allocation and one at free.  (Objects that do not start a pooled
// block — large ones — are listed by the collector itself, runtime/gc.cpp.)
std::vector<ChunkHeader*>& young_chunks() {
  static auto* v = new std::vector<ChunkHeader*>();
  return *v;
}

// Words per bitmap plane, by size class (a table: a division per lookup
// showed up in every allocation of a tracked object).
constexpr auto kPlaneWords = [] {
  std::array<uint16_t, kNumClasses + 1> words{};
  for (size_t cls = 1; cls <= kNumClasses; cls++) {
    size_t blocks = (kChunkSize - sizeof(ChunkHeader)) / (cls * kGrain);
    words[cls] = static_cast<uint16_t>((blocks + 63) / 64);
  }
  return words;
}();

inline size_t plane_words(const ChunkHeader* h) { return kPlaneWords[h->cls]; }

// Sets the tracked and young bits of `block`, a block start of chunk `h`
// (whose side bitmaps exist).
inline void set_tracked_young_bits(ChunkHeader* h, const void* block) {
  uintptr_t p = reinterpret_cast<uintptr_t>(block);
  uint64_t idx = ((p - (p & kChunkMask) - sizeof(ChunkHeader)) * h->reciprocal) >> 32;
  uint64_t m = uint64_t{1} << (idx & 63);
  h->gc_bits[idx >> 6] |= m;                                   // kTracked
  h->gc_bits[gc::kYoung * plane_words(h) + (idx >> 6)] |= m;   // kYoung
}

// Chunks that have side bitmaps (the full-heap walk visits only these).
std::vector<ChunkHeader*>& gc_chunks() {
  static auto* v = new std::vector<ChunkHeader*>();
  return *v;
}

std::unordered_map<const void*, uint8_t>& side_flags() {
  static auto* m = new std::unordered_map<const void*, uint8_t>();
  return *m;
}

constexpr uint8_t kSideTracked = 1u << gc::kTracked;

void side_forget(const void* p) {
  auto& m = side_flags();
  if (m.empty()) return;
  auto it = m.find(p);
  if (it == m.end()) return;
  if ((it->second & kSideTracked) && gc::g_young_count > 0) --gc::g_young_count;
  m.erase(it);
}

// The block `p` is freed: clear its bits in every plane.
// Only a tracked block can have the other bits (finalized, frozen) set.
inline void forget_block_bits(ChunkHeader* h, uint64_t idx) {
  size_t w = idx >> 6;
  uint64_t m = uint64_t{1} << (idx & 63);
  uint64_t* bits = h->gc_bits;
  if (!(bits[w] & m)) return;
  if (gc::g_young_count > 0) --gc::g_young_count;
  bits[w] &= ~m;   // the young bit may stay: young_for_each reads young AND tracked
  if (h->rare_bits) [[unlikely]] {
    size_t words = plane_words(h);
    bits[gc::kFinalized * words + w] &= ~m;
    bits[gc::kFrozen * words + w] &= ~m;
  }
}

// Finds the chunk and block index of an object that starts a pooled block;
// false for everything else (large blocks, prefixed instances, statics).
inline bool locate_block(const void* o, ChunkHeader** h_out, uint64_t* idx_out) {
  uintptr_t p = reinterpret_cast<uintptr_t>(o);
  uintptr_t chunk = p & kChunkMask;
  if (!chunk_registered(chunk)) return false;
  auto* h = reinterpret_cast<ChunkHeader*>(chunk);
  uint64_t off = p - chunk - sizeof(ChunkHeader);
  uint64_t idx = (off * h->reciprocal) >> 32;
  if (idx * h->block_size != off) return false;   // an interior (prefixed) pointer
  *h_out = h;
  *idx_out = idx;
  return true;
}

bool ensure_bits(ChunkHeader* h) {
  if (h->gc_bits) return true;
  try {
    gc_chunks().push_back(h);
  } catch (...) {
    return false;
  }
  h->gc_bits = static_cast<uint64_t*>(std::calloc(kGcPlanes * plane_words(h), sizeof(uint64_t)));
  if (!h->gc_bits) {
    gc_chunks().pop_back();
    return false;
  }
  return true;
}

// A large block without a prefix carries its header 16 bytes before the
// object; record there that the side map has an entry for it.
void mark_large_header(const void* o) {
  uintptr_t p = reinterpret_cast<uintptr_t>(o);
  if (chunk_registered(p & kChunkMask)) return;   // a prefixed pooled instance
  auto& pre = large_prefixed();
  if (!pre.empty() && pre.count(const_cast<void*>(o))) return;
  reinterpret_cast<uint64_t*>(const_cast<char*>(static_cast<const char*>(o)) - kLargeHeader)[1] |=
      kLargeHasSideFlags;
}

}  // namespace

namespace gc {

int64_t g_young_count = 0;
#ifdef COIL_GC_STRESS
int64_t g_young_limit = 0;
#else
int64_t g_young_limit = 700;
#endif

bool heap_test(const Object* o, HeapBit bit) {
  ChunkHeader* h;
  uint64_t idx;
  if (locate_block(o, &h, &idx)) {
    if (!h->gc_bits) return false;
    return (h->gc_bits[bit * plane_words(h) + (idx >> 6)] >> (idx & 63)) & 1;
  }
  auto& m = side_flags();
  if (m.empty()) return false;
  auto it = m.find(o);
  return it != m.end() && (it->second & (1u << bit));
}

bool heap_set(const Object* o, HeapBit bit) {
  ChunkHeader* h;
  uint64_t idx;
  if (locate_block(o, &h, &idx)) {
    if (!ensure_bits(h)) return false;
    if (bit == kFinalized || bit == kFrozen) h->rare_bits = 1;
    h->gc_bits[bit * plane_words(h) + (idx >> 6)] |= uint64_t{1} << (idx & 63);
    return true;
  }
  try {
    auto [it, fresh] = side_flags().try_emplace(o, 0);
    it->second |= static_cast<uint8_t>(1u << bit);
    if (fresh) mark_large_header(o);
  } catch (...) {
    return false;
  }
  return true;
}

// The fast path for a block just taken from a pool: its chunk is known
// without the chunk map, and freeing cleared its bits.  Sets kTracked and
// kYoung and lists the chunk as holding young objects.
[[gnu::always_inline]] inline bool mark_tracked_young(const Object* o) {
  uintptr_t p = reinterpret_cast<uintptr_t>(o);
  auto* h = reinterpret_cast<ChunkHeader*>(p & kChunkMask);
  if (!h->gc_bits && !ensure_bits(h)) [[unlikely]] return false;
  if (!h->young_listed) [[unlikely]] {
    try {
      young_chunks().push_back(h);
    } catch (...) {
      return false;
    }
    h->young_listed = 1;
  }
  set_tracked_young_bits(h, o);
  return true;
}

void young_for_each(void (*fn)(Object*, void*), void* arg, bool clear) {
  auto& chunks = young_chunks();
  for (ChunkHeader* h : chunks) {
    size_t words = plane_words(h);
    uint64_t* young = h->gc_bits + kYoung * words;
    char* first = reinterpret_cast<char*>(h) + sizeof(ChunkHeader);
    for (size_t w = 0; w < words; w++) {
      uint64_t m = young[w] & h->gc_bits[w];   // young and still tracked
      if (clear) young[w] = 0;
      while (m) {
        unsigned b = static_cast<unsigned>(__builtin_ctzll(m));
        m &= m - 1;
        fn(reinterpret_cast<Object*>(first + (w * 64 + b) * h->block_size), arg);
      }
    }
    if (clear) h->young_listed = 0;
  }
  if (clear) chunks.clear();
}

int heap_set_tracked_new(const Object* o) {
  ChunkHeader* h;
  uint64_t idx;
  if (locate_block(o, &h, &idx)) [[likely]] return mark_tracked_young(o) ? kTrackedPooled : 0;
  return heap_set(o, kTracked) ? kTrackedOther : 0;
}

void heap_clear(const Object* o, HeapBit bit) {
  ChunkHeader* h;
  uint64_t idx;
  if (locate_block(o, &h, &idx)) {
    if (h->gc_bits) h->gc_bits[bit * plane_words(h) + (idx >> 6)] &= ~(uint64_t{1} << (idx & 63));
    return;
  }
  auto& m = side_flags();
  auto it = m.find(o);
  if (it != m.end()) it->second &= static_cast<uint8_t>(~(1u << bit));
}

size_t heap_count(HeapBit with, int without) {
  size_t n = 0;
  for (ChunkHeader* h : gc_chunks()) {
    size_t words = plane_words(h);
    for (size_t w = 0; w < words; w++) {
      uint64_t m = h->gc_bits[with * words + w];
      if (without >= 0) m &= ~h->gc_bits[without * words + w];
      n += static_cast<size_t>(__builtin_popcountll(m));
    }
  }
  for (auto& [p, flags] : side_flags()) {
    if ((flags & (1u << with)) && !(without >= 0 && (flags & (1u << without)))) ++n;
  }
  return n;
}

void heap_for_each(HeapBit with, int without, void (*fn)(Object*, void*), void* arg) {
  auto& chunks = gc_chunks();
  for (size_t c = 0; c < chunks.size(); c++) {
    ChunkHeader* h = chunks[c];
    size_t words = plane_words(h);
    size_t blocks = (kChunkSize - sizeof(ChunkHeader)) / h->block_size;
    char* first = reinterpret_cast<char*>(h) + sizeof(ChunkHeader);
    for (size_t w = 0; w < words; w++) {
      uint64_t m = h->gc_bits[with * words + w];
      if (without >= 0) m &= ~h->gc_bits[without * words + w];
      while (m) {
        size_t idx = w * 64 + static_cast<size_t>(__builtin_ctzll(m));
        m &= m - 1;
        if (idx < blocks) fn(reinterpret_cast<Object*>(first + idx * h->block_size), arg);
      }
    }
  }
  // The side map may change under `fn` only through frees, which the
  // collector's walks never cause; copy anyway, it is small.
  std::vector<const void*> side;
  for (auto& [p, flags] : side_flags()) {
    if (!(flags & (1u << with))) continue;
    if (without >= 0 && (flags & (1u << without))) continue;
    side.push_back(p);
  }
  for (const void* p : side) fn(static_cast<Object*>(const_cast<void*>(p)), arg);
}

}  // namespace gc

namespace {
}  // namespace

void (*g_mem_trace_alloc)(void* p, size_t size) = nullptr;
void (*g_mem_trace_free)(void* p) = nullptr;

void* mem_alloc(size_t size) {
  if (size > SIZE_MAX / 2) return nullptr;
  void* p = size <= kMaxPooled ? pool_alloc(size) : large_alloc(size);
  if (g_mem_trace_alloc && p) [[unlikely]] g_mem_trace_alloc(p, size);
  return p;
}

void* mem_alloc_prefixed(size_t size, size_t prefix) {
  if (size > SIZE_MAX / 4 || prefix > SIZE_MAX / 4) return nullptr;
  size_t total = size + prefix;
  if (total <= kMaxPooled) {
    char* block = static_cast<char*>(pool_alloc(total));
    if (!block) return nullptr;
    std::memset(block, 0, prefix);
    if (g_mem_trace_alloc) [[unlikely]] g_mem_trace_alloc(block + prefix, total);
    return block + prefix;
  }
  char* block = static_cast<char*>(large_alloc(total));
  if (!block) return nullptr;
  std::memset(block, 0, prefix);
  char* p = block + prefix;
  if (prefix) {
    try {
      large_prefixed().emplace(p, block);
    } catch (...) {
      large_free(block);
      return nullptr;
    }
  }
  if (g_mem_trace_alloc) [[unlikely]] g_mem_trace_alloc(p, total);
  return p;
}

namespace {

// The uncommon frees, out of line so that the common one — a pooled block
// — needs no call and no saved registers (the compiler turns the calls
// below into jumps).
[[gnu::noinline]] void free_large(void* p) {
  auto& pre = large_prefixed();
  if (!pre.empty()) {
    auto it = pre.find(p);
    if (it != pre.end()) {
      char* block = it->second;
      pre.erase(it);
      side_forget(p);
      large_free(block);
      return;
    }
  }
  large_free(static_cast<char*>(p));
}

inline void push_free(ChunkHeader* h, char* block) {
#ifdef COIL_ALLOC_POISON
  std::memset(block, 0xDB, h->block_size);
#endif
  auto* b = reinterpret_cast<FreeBlock*>(block);
  b->next = g_free[h->cls];
  g_free[h->cls] = b;
}

// An interior pointer: a prefixed instance, whose side bits live in the
// side map.
[[gnu::noinline]] void free_interior(void* p, ChunkHeader* h, char* block) {
  side_forget(p);
  push_free(h, block);
}

inline void mem_free_untraced(void* p) {
  uintptr_t chunk = reinterpret_cast<uintptr_t>(p) & kChunkMask;
  if (!chunk_registered(chunk)) [[unlikely]] return free_large(p);
  auto* h = reinterpret_cast<ChunkHeader*>(chunk);
  // Round an interior (prefixed) pointer down to its block.
  uint64_t off = reinterpret_cast<uintptr_t>(p) - chunk - sizeof(ChunkHeader);
  uint64_t idx = (off * h->reciprocal) >> 32;
  char* block = reinterpret_cast<char*>(chunk) + sizeof(ChunkHeader) + idx * h->block_size;
  if (block != p) [[unlikely]] return free_interior(p, h, block);
  if (h->gc_bits) forget_block_bits(h, idx);
  push_free(h, block);
}

[[gnu::noinline]] void free_traced(void* p) {
  g_mem_trace_free(p);
  mem_free_untraced(p);
}

}  // namespace

void mem_free(void* p) {
  if (!p) return;
  if (g_mem_trace_free) [[unlikely]] return free_traced(p);
  mem_free_untraced(p);
}

// The memory of a new instance of `type` (alloc<T> in object.h): plain
// mem_alloc for built-in types; heap types add their __dict__/__slots__
// words, zeroed, at the end of the object (fixed-size bases) or just before
// it (variable-size bases) — see runtime/type.cpp's layout essay.
//
// Objects of container types (a traverse slot) are tracked by the cycle
// collector from here on (runtime/gc.h).
namespace {

// The general case of alloc_object_memory: untracked types, large or
// prefixed blocks, an empty free list, a chunk not yet ready for young
// objects, allocation tracing.
[[gnu::noinline]] void* alloc_object_memory_slow(TypeObject* type, size_t size) {
  void* mem = alloc_object_memory_untracked(type, size);
  if (mem && type->traverse) gc::track_new(static_cast<Object*>(mem));
  return mem;
}

[[gnu::noinline]] void* young_limit_then(void* mem) {
  gc::young_limit_reached();
  return mem;
}

}  // namespace

// The common case — a container of a built-in type, or an instance of a
// class whose words follow the struct, small enough for a pool — takes a
// block from the pool and marks it tracked and young in place, with no
// call and no chunk-map lookup (everything else is out of line, so this
// needs no saved registers: allocating a list costs a few dozen
// instructions, tracking included).
[[gnu::optimize("no-tree-loop-distribute-patterns")]]
void* alloc_object_memory(TypeObject* type, size_t size) {
  size_t total = size;
  uint32_t words = 0;
  if ((type->flags & kHeapType) && type->instance_extras) {
    words = type->instance_extras;
    if (type->extras_base < 0 || size > static_cast<size_t>(type->extras_base)) [[unlikely]]
      return alloc_object_memory_slow(type, size);
    total = static_cast<size_t>(type->extras_base) + words * sizeof(Object*);
  }
  if (!type->traverse || total > kMaxPooled || g_mem_trace_alloc) [[unlikely]]
    return alloc_object_memory_slow(type, size);
  size_t cls = size_class(total);
  FreeBlock* b = g_free[cls];
  if (!b) [[unlikely]] return alloc_object_memory_slow(type, size);
  auto* h = reinterpret_cast<ChunkHeader*>(reinterpret_cast<uintptr_t>(b) & kChunkMask);
  if (!h->gc_bits || !h->young_listed) [[unlikely]] return alloc_object_memory_slow(type, size);
  g_free[cls] = b->next;
  char* mem = reinterpret_cast<char*>(b);
  Object** w = reinterpret_cast<Object**>(mem + type->extras_base);
  for (uint32_t i = 0; i < words; i++) w[i] = nullptr;
  set_tracked_young_bits(h, mem);
  if (++gc::g_young_count > gc::g_young_limit) [[unlikely]] return young_limit_then(mem);
  return mem;
}

void* alloc_object_memory_untracked(TypeObject* type, size_t size) {
  if (!(type->flags & kHeapType) || !type->instance_extras) return mem_alloc(size);
  size_t words = static_cast<size_t>(type->instance_extras) * sizeof(Object*);
  if (type->extras_base < 0) return mem_alloc_prefixed(size, words);
  size_t base = static_cast<size_t>(type->extras_base);
  if (size > base) {
    // The struct is larger than its type's __basicsize__ says: the words
    // would overlap it.  A bug in a built-in type's init, never user input.
    std::fprintf(stderr, "coil: fatal: %s: instance struct (%zu bytes) exceeds basic_size %zu\n",
                 type->name, size, base);
    std::abort();
  }
  size_t total = base + words;
  char* p = static_cast<char*>(mem_alloc(total));
  if (p) std::memset(p + base, 0, words);
  return p;
}

}  // namespace coil::runtime
