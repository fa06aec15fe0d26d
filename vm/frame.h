// frame.h — an activation record of a Python function.
//
// Frames live on a per-thread stack of memory chunks (FrameStack), pushed
// and popped in LIFO order, so calling a Python function from bytecode
// allocates nothing on the C++ heap and recurses nothing on the C++ stack
// (the VM is "stackless", DESIGN decision 6).  A generator's frame instead
// lives inside the generator object's own memory block, right after its
// fields (vm/generator.cpp, make_generator), because it must outlive the
// call.
//
//   +-----------------------------+
//   | Frame header (below)        |
//   +-----------------------------+
//   | localsplus[0 .. nlocalsplus)|  parameters, locals, cells, free vars
//   +-----------------------------+
//   | value stack [0 .. stacksize)|  grows upwards; `sp` points past the top
//   +-----------------------------+
//
// Every slot of localsplus and of the live part of the value stack holds a
// strong reference (or nullptr: an unbound local, or the NULL marker of the
// calling convention).
#pragma once

#include <cstddef>

#include "runtime/dict.h"
#include "runtime/object.h"
#include "vm/code.h"
#include "vm/function.h"

namespace coil::vm {

enum class FrameState : uint8_t { Created, Running, Suspended, Completed };

struct Frame {
  Frame* back = nullptr;         // the caller (borrowed: it outlives us)
  Code* code = nullptr;          // strong
  Function* func = nullptr;      // strong; null for module/class/exec code
  runtime::Dict* globals = nullptr;   // borrowed from func or owner
  runtime::Dict* builtins = nullptr;  // borrowed
  Object* locals = nullptr;      // strong: mapping for LOAD_NAME (module/class bodies)
  const Instr* ip = nullptr;     // next instruction to run
  Object** sp = nullptr;         // one past the top of the value stack
  // lasti, state and the four flags share one 8-byte word (the flags are
  // one-bit fields: read and assign them like bools, but never take their
  // address).
  int lasti = -1;                // index of the instruction running / last run
  FrameState state = FrameState::Created;
  bool is_entry : 1 = false;     // returning from it leaves the eval loop
  bool on_heap : 1 = false;      // owned by a generator, not the FrameStack
  bool throwing : 1 = false;     // resume by raising the pending exception (gen.throw)
  // A generator frame resumed inline by its delegator's SEND (`back` is the
  // delegator) that is being closed: whatever it does, the delegator then
  // raises GeneratorExit (or the close's error) at its own yield.  See
  // vm/generator.cpp, "closing a chain".
  bool closing : 1 = false;
  Object* kwnames = nullptr;     // borrowed: set by KW_NAMES for the next CALL
  Object* owner = nullptr;       // borrowed: the generator owning this frame
  Object* frame_object = nullptr;  // strong: the Python-visible frame, if made
  Object* localsplus[1];         // then the value stack

  Object** stack_base() { return localsplus + code->nlocalsplus; }
  int line() const;              // the current source line
};

// The fixed part: 8 pointers, the lasti/state/flags word, 3 pointers.
constexpr size_t kFrameHeaderSize = offsetof(Frame, localsplus);
static_assert(kFrameHeaderSize == 96, "keep the frame header compact (docs/memory.md)");

// Bytes needed for a frame running `code` (header, locals, value stack).
inline size_t frame_size(const Code* code) {
  return kFrameHeaderSize + sizeof(Object*) * (code->nlocalsplus + code->stacksize);
}

// Per-thread LIFO allocator for frames.
//
// push() and pop() are a pointer bump inside the current chunk (inline: they
// run on every Python call); only crossing into a new chunk, or back out of
// one, takes the out-of-line slow paths.
class FrameStack {
 public:
  FrameStack();
  ~FrameStack();
  // Memory for a frame of `size` bytes; nullptr (MemoryError set) on failure.
  void* push(size_t size) {
    size = (size + 15) & ~size_t(15);
    if (static_cast<size_t>(limit_ - next_) >= size) {
      char* p = next_;
      next_ += size;
      return p;
    }
    return push_slow(size);
  }
  // Frees the most recently pushed frame (frames are freed in LIFO order).
  void pop(void* frame) {
    char* p = static_cast<char*>(frame);
    if (p >= base_ && p < limit_ && p != base_) {
      next_ = p;
      return;
    }
    pop_slow(p);
  }

 private:
  struct Chunk;
  void* push_slow(size_t size);
  void pop_slow(char* frame);
  void enter_chunk(Chunk* c);
  Chunk* top_ = nullptr;
  Chunk* spare_ = nullptr; // an emptied chunk kept for the next push_slow
  char* base_ = nullptr;   // the current chunk's first usable byte
  char* next_ = nullptr;   // where the next frame goes
  char* limit_ = nullptr;  // one past the current chunk's end
};

}  // namespace coil::vm
