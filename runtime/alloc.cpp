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
// virtual memory, calloc'd, touched only where chunks live) of 8 KiB
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
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

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
  uint32_t cls;          // size class: blocks are cls * kGrain bytes
  uint32_t block_size;
  uint64_t reciprocal;   // floor(2^32 / block_size) + 1: offset / size by multiply
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

uint64_t** g_root = nullptr;   // 2^kRootBits leaf pointers, lazily calloc'd

inline bool chunk_registered(uintptr_t chunk) {
  uintptr_t n = chunk >> kChunkShift;
  if (!g_root || (n >> kChunkNumberBits)) return false;
  const uint64_t* leaf = g_root[n >> kLeafBits];
  if (!leaf) return false;
  size_t bit = n & ((size_t{1} << kLeafBits) - 1);
  return (leaf[bit >> 6] >> (bit & 63)) & 1;
}

bool register_chunk(uintptr_t chunk) {
  uintptr_t n = chunk >> kChunkShift;
  if (n >> kChunkNumberBits) return false;   // outside the mapped address range
  if (!g_root) {
    g_root = static_cast<uint64_t**>(std::calloc(size_t{1} << kRootBits, sizeof(uint64_t*)));
    if (!g_root) return false;
  }
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
  h->cls = static_cast<uint32_t>(cls);
  h->block_size = static_cast<uint32_t>(block);
  h->reciprocal = (uint64_t{1} << 32) / block + 1;
  size_t n = (kChunkSize - sizeof(ChunkHeader)) / block;
  // Pushed in reverse so the free list hands blocks out in address order.
  for (size_t i = n; i-- > 0;) {
    auto* b = reinterpret_cast<FreeBlock*>(chunk + sizeof(ChunkHeader) + i * block);
    b->next = g_free[cls];
    g_free[cls] = b;
  }
  return true;
}

inline void* pool_alloc(size_t total) {
  size_t cls = (total + kGrain - 1) / kGrain;
  if (cls < 2) cls = 2;   // a block must hold a FreeBlock link, and 16 keeps tiny buffers aligned
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

void large_free(char* data) {
  char* block = data - kLargeHeader;
#ifdef COIL_ALLOC_POISON
  std::memset(block, 0xDB, reinterpret_cast<uint64_t*>(block)[0] + kLargeHeader);
#endif
  std::free(block);
}

}  // namespace

void* mem_alloc(size_t size) {
  if (size > SIZE_MAX / 2) return nullptr;
  if (size <= kMaxPooled) return pool_alloc(size);
  return large_alloc(size);
}

void* mem_alloc_prefixed(size_t size, size_t prefix) {
  if (size > SIZE_MAX / 4 || prefix > SIZE_MAX / 4) return nullptr;
  size_t total = size + prefix;
  if (total <= kMaxPooled) {
    char* block = static_cast<char*>(pool_alloc(total));
    if (!block) return nullptr;
    std::memset(block, 0, prefix);
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
  return p;
}

void mem_free(void* p) {
  if (!p) return;
  uintptr_t chunk = reinterpret_cast<uintptr_t>(p) & kChunkMask;
  if (chunk_registered(chunk)) {
    auto* h = reinterpret_cast<const ChunkHeader*>(chunk);
    // Round an interior (prefixed) pointer down to its block.
    uint64_t off = reinterpret_cast<uintptr_t>(p) - chunk - sizeof(ChunkHeader);
    uint64_t idx = (off * h->reciprocal) >> 32;
    char* block = reinterpret_cast<char*>(chunk) + sizeof(ChunkHeader) + idx * h->block_size;
#ifdef COIL_ALLOC_POISON
    std::memset(block, 0xDB, h->block_size);
#endif
    auto* b = reinterpret_cast<FreeBlock*>(block);
    b->next = g_free[h->cls];
    g_free[h->cls] = b;
    return;
  }
  auto& pre = large_prefixed();
  if (!pre.empty()) {
    auto it = pre.find(p);
    if (it != pre.end()) {
      char* block = it->second;
      pre.erase(it);
      large_free(block);
      return;
    }
  }
  large_free(static_cast<char*>(p));
}

// The memory of a new instance of `type` (alloc<T> in object.h): plain
// mem_alloc for built-in types; heap types add their __dict__/__slots__
// words, zeroed, at the end of the object (fixed-size bases) or just before
// it (variable-size bases) — see runtime/type.cpp's layout essay.
void* alloc_object_memory(TypeObject* type, size_t size) {
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
