// alloc.cpp — the one choke point through which object memory flows.
//
// Every object block is laid out as
//
//     +-----------+-----------+------------------------------------+
//     | meta (8B) | dict (8B) | the object: refcnt, type, fields...|
//     +-----------+-----------+------------------------------------+
//                             ^ the pointer mem_alloc returns
//
// `meta` packs two things:
//   * bits 0..15: the size class of a pooled block (0 = came from malloc);
//   * bits 16..63: the "extras" pointer of instances of classes with
//     __slots__ (their slot values, see object.h), or 0.
// `dict` is the instance __dict__ of heap-type instances (dict_offset -8).
// The 16-byte header also keeps every object 16-byte aligned.
//
// Small blocks (hidden word + object <= 256 bytes) come from per-size-class
// free lists carved out of 32 KiB chunks, as CPython's pymalloc does for
// the swarm of small objects (ints, floats, tuples, bound methods): a pop
// and a push instead of a trip through malloc.  The pool is only touched
// under the GIL, so it needs no locking — a thread that dropped the GIL
// must not allocate objects.  Chunks are never returned to the system.
//
// Debug aid: define COIL_ALLOC_POISON to fill freed blocks with 0xDB so a
// use-after-free shows up as a wild pointer quickly.
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "runtime/object.h"

namespace coil::runtime {

namespace {

constexpr size_t kHeader = 16;
constexpr uint64_t kClassMask = 0xFFFF;
constexpr int kPtrShift = 16;
constexpr size_t kGrain = 16;                  // size classes are 16 bytes apart
constexpr size_t kMaxPooled = 256;             // header + object
constexpr size_t kNumClasses = kMaxPooled / kGrain;   // classes 1..16
constexpr size_t kChunkSize = 32 * 1024;

struct FreeBlock { FreeBlock* next; };

FreeBlock* g_free[kNumClasses + 1] = {};

inline uint64_t& meta_word(const void* p) {
  return *reinterpret_cast<uint64_t*>(static_cast<char*>(const_cast<void*>(p)) - kHeader);
}

// Carves a fresh chunk into blocks of class `cls`; false when out of memory.
bool refill(size_t cls) {
  size_t block = cls * kGrain;
  char* chunk = static_cast<char*>(std::malloc(kChunkSize));
  if (!chunk) return false;
  size_t n = kChunkSize / block;
  for (size_t i = 0; i < n; i++) {
    auto* b = reinterpret_cast<FreeBlock*>(chunk + i * block);
    b->next = g_free[cls];
    g_free[cls] = b;
  }
  return true;
}

}  // namespace

void* mem_alloc(size_t size) {
  if (size > SIZE_MAX / 2) return nullptr;
  size_t total = size + kHeader;
  char* block;
  uint64_t cls = 0;
  if (total <= kMaxPooled) {
    cls = (total + kGrain - 1) / kGrain;
    if (!g_free[cls] && !refill(cls)) return nullptr;
    FreeBlock* b = g_free[cls];
    g_free[cls] = b->next;
    block = reinterpret_cast<char*>(b);
  } else {
    block = static_cast<char*>(std::malloc(total));
    if (!block) return nullptr;
  }
  reinterpret_cast<uint64_t*>(block)[0] = cls;
  reinterpret_cast<uint64_t*>(block)[1] = 0;   // no instance dict yet
  return block + kHeader;
}

void mem_free(void* p) {
  if (!p) return;
  size_t cls = static_cast<size_t>(meta_word(p) & kClassMask);
  char* block = static_cast<char*>(p) - kHeader;
#ifdef COIL_ALLOC_POISON
  if (cls) std::memset(block, 0xDB, cls * kGrain);
#endif
  if (cls == 0) {
    std::free(block);
    return;
  }
  auto* b = reinterpret_cast<FreeBlock*>(block);
  b->next = g_free[cls];
  g_free[cls] = b;
}

Object** object_extras(const Object* o) {
  return reinterpret_cast<Object**>(static_cast<uintptr_t>(meta_word(o) >> kPtrShift));
}

void set_object_extras(Object* o, Object** extras) {
  uint64_t& w = meta_word(o);
  w = (w & kClassMask) | (static_cast<uint64_t>(reinterpret_cast<uintptr_t>(extras)) << kPtrShift);
}

}  // namespace coil::runtime
