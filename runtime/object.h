// object.h — the object header, reference counting and Ref<T>.
//
// Every Python value in coil is a heap object that starts with the same
// two-word header as in CPython:
//
//     +-----------+------------+----------------------------+
//     | refcnt    | type       | the type's own fields ...  |
//     +-----------+------------+----------------------------+
//
// `refcnt` counts the strong references to the object.  When it drops to
// zero the type's dealloc slot runs at once, so `__del__` and file closing
// happen exactly when CPython's do (DESIGN decision 2).  Reference cycles
// are left to the cycle collector (runtime/gc.cpp).
//
// THREADS: refcnt is a plain integer, not an atomic.  That is safe because
// only the thread holding the GIL (vm/gil.h) touches any object; a thread
// that releases the GIL must not touch objects until it has taken it back.
//
// OWNERSHIP: C++ code holds a strong reference in a Ref<T> and a borrowed
// one as a plain T*.  A function returning Ref<T> hands over a new
// reference; a function taking T* borrows it for the call.  The few
// functions that steal a reference say so in their comment.  A null Ref
// returned from a fallible function means "an exception is set on the
// thread state" (runtime/error.h) — errors are return values, never C++
// exceptions (DESIGN decision 5).
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>
#include <utility>

namespace coil::runtime {

struct TypeObject;

struct Object {
  intptr_t refcnt = 1;
  TypeObject* type = nullptr;
};

// Destroys an object whose count reached zero (calls type->dealloc).
void dealloc_object(Object* o);

inline void incref(Object* o) { ++o->refcnt; }
inline void decref(Object* o) {
  if (--o->refcnt == 0) dealloc_object(o);
}
inline void xincref(Object* o) { if (o) incref(o); }
inline void xdecref(Object* o) { if (o) decref(o); }

// A strong reference.  Copying increments the count, destruction
// decrements it, moving transfers it.  A Ref may be null.
template <class T>
class Ref {
 public:
  Ref() = default;
  Ref(std::nullptr_t) {}
  Ref(const Ref& other) : p_(other.p_) { if (p_) incref(p_); }
  Ref(Ref&& other) noexcept : p_(other.p_) { other.p_ = nullptr; }
  template <class U>
  Ref(const Ref<U>& other) : p_(other.get()) { if (p_) incref(p_); }
  template <class U>
  Ref(Ref<U>&& other) noexcept : p_(other.release()) {}
  ~Ref() { if (p_) decref(p_); }

  Ref& operator=(Ref other) noexcept { std::swap(p_, other.p_); return *this; }

  // Adopts a reference the caller already owns (no increment).
  static Ref steal(T* p) { Ref r; r.p_ = p; return r; }
  // Takes a new reference to a borrowed pointer (increments).
  static Ref borrow(T* p) { Ref r; r.p_ = p; if (p) incref(p); return r; }

  T* get() const { return p_; }
  T* operator->() const { return p_; }
  T& operator*() const { return *p_; }
  explicit operator bool() const { return p_ != nullptr; }
  // Gives up ownership without decrementing: the caller now owns it.
  T* release() { T* p = p_; p_ = nullptr; return p; }
  void reset() { if (p_) { T* p = p_; p_ = nullptr; decref(p); } }

  // Static downcast that keeps the reference: Ref<Object> -> Ref<Str>.
  template <class U>
  Ref<U> as() && { return Ref<U>::steal(static_cast<U*>(release())); }
  template <class U>
  Ref<U> as() const& { return Ref<U>::borrow(static_cast<U*>(p_)); }

 private:
  T* p_ = nullptr;
};

template <class T>
inline Ref<T> borrow(T* p) { return Ref<T>::borrow(p); }
template <class T>
inline Ref<T> steal(T* p) { return Ref<T>::steal(p); }

// Memory for objects comes from one choke point (runtime/alloc.cpp), so a
// debug build can poison freed memory or collect on every allocation, and a
// size-class pool can serve the many small objects.  Pooled blocks (<= 512
// bytes) carry NO hidden header: the allocator finds a block's size class
// from its 32 KiB-aligned chunk.  Blocks are 8-byte aligned (16 when
// the size is a multiple of 16).
void* mem_alloc(size_t size);   // nullptr when memory runs out (no error set)
void mem_free(void* p);         // also accepts a pointer from mem_alloc_prefixed
// A block with `prefix` zeroed bytes before the returned pointer (the
// __dict__/__slots__ words of instances of classes derived from str, bytes
// or tuple); mem_free(returned pointer) frees the whole block.
void* mem_alloc_prefixed(size_t size, size_t prefix);
// tracemalloc's hooks (stdlib/native/_tracemalloc.cpp): null unless it is
// tracing, so the untraced path pays one predictable test.  They see the
// pointer the caller gets and the size it asked for.
extern void (*g_mem_trace_alloc)(void* p, size_t size);
extern void (*g_mem_trace_free)(void* p);

// The memory for a new instance of `type` whose struct (plus variable
// part) is `size` bytes.  Built-in types: exactly mem_alloc(size).  Heap
// types (classes made by `class` statements) also get their instance
// __dict__ pointer and __slots__ values, zeroed: after the object for
// fixed-size built-in bases (a positive dict_offset, as CPython's
// tp_dictoffset), or just before it for variable-size bases (str, bytes,
// tuple: a negative dict_offset).  TypeObject::extras_base says which
// (runtime/type.h); docs/memory.md draws both layouts.
// Types with a traverse slot are tracked by the cycle collector at once.
void* alloc_object_memory(TypeObject* type, size_t size);
void* alloc_object_memory_untracked(TypeObject* type, size_t size);

// Sets `o`'s header for a freshly allocated object of `type` (refcount 1;
// a heap type gains a reference from each of its instances).
void init_header(Object* o, TypeObject* type);
// Sets MemoryError and returns nullptr (for allocation failures).
Object* no_memory();

// Allocates and constructs a T (which derives from Object) with `extra`
// trailing bytes for variable-size objects.  T may have C++ members with
// constructors; its dealloc slot must run ~T() (or destroy_object<T>).
// Returns nullptr with MemoryError set when memory runs out.
template <class T>
inline T* alloc(TypeObject* type, size_t extra = 0) {
  static_assert(alignof(T) <= 8, "pooled blocks are only 8-byte aligned (alloc.cpp)");
  void* mem = alloc_object_memory(type, sizeof(T) + extra);
  if (!mem) return static_cast<T*>(no_memory());
  T* obj = new (mem) T();
  init_header(obj, type);
  return obj;
}

// Runs ~T() and frees the memory; the last step of most dealloc slots.
// Drops the instance's reference to a heap type.
void release_type_of(Object* o);
template <class T>
inline void destroy_object(T* obj) {
  release_type_of(obj);
  obj->~T();
  mem_free(obj);
}

}  // namespace coil::runtime
