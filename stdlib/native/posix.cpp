// posix.cpp — the `posix` module: thin wrappers over the POSIX system calls
// that stdlib/lib/os.py builds the `os` module on.
//
// WHY A NATIVE LAYER AND A PYTHON LAYER.  CPython splits `os` the same way:
// Modules/posixmodule.c only converts arguments, calls the system and turns
// errno into an exception; Lib/os.py adds everything that can be written in
// Python (makedirs, walk, the environ mapping, os.path).  Keeping the native
// part this thin means each function here reads as "convert, call, check".
//
// PATHS.  A path argument may be a str, bytes or an os.PathLike (anything
// with __fspath__).  path_arg() converts it to a NUL-free C string and keeps
// the original object for error messages, and remembers whether it was
// bytes so listdir()/getcwd() can answer in the same kind.
//
// ERRORS.  A failing call raises OSError(errno, strerror(errno), filename)
// by *calling* OSError: exceptions.cpp picks the subclass from the errno
// (ENOENT -> FileNotFoundError ...), exactly as CPython's
// PyErr_SetFromErrnoWithFilenameObject does.  rename()/replace() pass a
// second filename, giving "[Errno 2] No such file or directory: 'a' -> 'b'".
//
// stat() returns a plain tuple (mode, ino, dev, nlink, uid, gid, size,
// atime, mtime, ctime, atime_ns, mtime_ns, ctime_ns, blksize, blocks, rdev);
// os.py wraps it into os.stat_result.
//
// GIL: the calls that may block (open, read, write, close, fsync, waitpid,
// system, opendir) release it (vm/gil.h), most through blocking_call(),
// which also runs signal handlers after EINTR.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native/fileio.h"
#include "stdlib/native/modules.h"
#include "stdlib/native/signals.h"
#include "vm/gil.h"

extern char** environ;

namespace coil::runtime {

namespace {

// ---- errors -----------------------------------------------------------------------------

// Runs the blocking system call `f` with the GIL released (vm/gil.h) and
// retries it after EINTR once the signal handlers have run (PEP 475).  On
// failure errno is set; when a handler raised, errno is EINTR and its
// exception is pending (raise_errno keeps it).  `f` must not touch objects.
template <class F>
auto blocking_call(F f) -> decltype(f()) {
  for (;;) {
    decltype(f()) r;
    int err;
    {
      vm::ReleaseGil nogil;
      r = f();
      err = errno;
    }
    errno = err;
    if (!(r < 0 && err == EINTR)) return r;
    if (!signals_run_pending()) {
      errno = EINTR;
      return r;
    }
  }
}

// ---- argument conversion ----------------------------------------------------------------

// A path argument: the C string and the object to name in errors.
struct Path {
  std::string c;          // NUL-free bytes of the path
  Ref<Object> obj;        // the argument as given (for the message)
  bool is_bytes = false;  // the path was bytes: answer in bytes
};

// os.fspath(o): str and bytes pass; otherwise o.__fspath__().
Ref<Object> fspath_of(Object* o) {
  if (str_check(o) || bytes_check(o)) return borrow(o);
  Object* meth = type_lookup(type_of(o), intern("__fspath__"));
  if (!meth) return set_errorf(exc::TypeError, "expected str, bytes or os.PathLike object, not %T", o);
  Ref<Object> r = call1(meth, o);
  if (!r) return nullptr;
  if (!str_check(r.get()) && !bytes_check(r.get()))
    return set_errorf(exc::TypeError, "expected %T.__fspath__() to return str or bytes, not %T", o, r.get());
  return r;
}

bool path_arg(const char* fname, const char* argname, Object* o, Path* out) {
  Ref<Object> p;
  if (str_check(o) || bytes_check(o)) {
    p = borrow(o);
  } else if (type_lookup(type_of(o), intern("__fspath__"))) {
    p = fspath_of(o);
    if (!p) return false;
  } else {
    set_errorf(exc::TypeError, "%s: %s should be string, bytes or os.PathLike, not %T", fname, argname, o);
    return false;
  }
  out->is_bytes = bytes_check(p.get());
  std::string_view v = out->is_bytes ? bytes_view(p.get()) : str_view(p.get());
  if (v.find('\0') != std::string_view::npos) {
    set_errorf(exc::ValueError, "%s: embedded null character in %s", fname, argname);
    return false;
  }
  out->c = std::string(v);
  out->obj = borrow(o);
  return true;
}

bool int_arg(Object* o, int64_t* out) { return index_to_i64(o, out); }

bool fd_arg(Object* o, int* out) {
  int64_t v;
  if (!int_check(o)) {
    set_errorf(exc::TypeError, "'%s' object cannot be interpreted as an integer", std::string(type_name(type_of(o))).c_str());
    return false;
  }
  if (!int_to_i64(o, &v)) return false;
  *out = static_cast<int>(v);
  return true;
}

// A file name as the caller gave it: str for str paths, bytes for bytes.
Ref<Object> name_like(std::string_view name, bool as_bytes) {
  if (as_bytes) return bytes_from(name);
  return str_decode_utf8(name, "surrogateescape");
}

// ---- process information -------------------------------------------------------------------

Ref<Object> px_getpid(Object*, Object* const*, size_t, Tuple*) { return int_from_i64(::getpid()); }
Ref<Object> px_getppid(Object*, Object* const*, size_t, Tuple*) { return int_from_i64(::getppid()); }
Ref<Object> px_getuid(Object*, Object* const*, size_t, Tuple*) { return int_from_i64(::getuid()); }
Ref<Object> px_geteuid(Object*, Object* const*, size_t, Tuple*) { return int_from_i64(::geteuid()); }
Ref<Object> px_getgid(Object*, Object* const*, size_t, Tuple*) { return int_from_i64(::getgid()); }
Ref<Object> px_getegid(Object*, Object* const*, size_t, Tuple*) { return int_from_i64(::getegid()); }

Ref<Object> px_cpu_count(Object*, Object* const*, size_t, Tuple*) {
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1) return none();
  return int_from_i64(n);
}

Ref<Object> px_getcwd_impl(bool as_bytes) {
  std::string buf(4096, '\0');
  while (::getcwd(buf.data(), buf.size()) == nullptr) {
    if (errno != ERANGE) return set_os_error(errno);
    buf.resize(buf.size() * 2);
  }
  return name_like(buf.c_str(), as_bytes);
}
Ref<Object> px_getcwd(Object*, Object* const*, size_t, Tuple*) { return px_getcwd_impl(false); }
Ref<Object> px_getcwdb(Object*, Object* const*, size_t, Tuple*) { return px_getcwd_impl(true); }

Ref<Object> px_strerror(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  int64_t code;
  if (!check_no_kwargs("strerror", kw) || !check_nargs("strerror", nargs, 1, 1) || !int_arg(args[0], &code))
    return nullptr;
  return str_from(std::strerror(static_cast<int>(code)));
}

Ref<Object> px_fspath(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"fspath", {"path"}, 1};
  Object* a[1];
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  return fspath_of(a[0]);
}

Ref<Object> px_umask(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  int64_t mask;
  if (!check_nargs("umask", nargs, 1, 1) || !int_arg(args[0], &mask)) return nullptr;
  return int_from_i64(::umask(static_cast<mode_t>(mask)));
}

Ref<Object> px_kill(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  int64_t pid, sig;
  if (!check_nargs("kill", nargs, 2, 2) || !int_arg(args[0], &pid) || !int_arg(args[1], &sig)) return nullptr;
  if (::kill(static_cast<pid_t>(pid), static_cast<int>(sig)) < 0) return set_os_error(errno);
  // A signal sent to ourselves: run its handler now, as CPython does.
  if (pid == ::getpid() && !signals_run_pending()) return nullptr;
  return none();
}

Ref<Object> px__exit(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  int64_t code;
  if (!check_nargs("_exit", nargs, 1, 1) || !int_arg(args[0], &code)) return nullptr;
  ::_exit(static_cast<int>(code));
}

// times() -> (user, system, children_user, children_system, elapsed)
Ref<Object> px_times(Object*, Object* const*, size_t, Tuple*) {
  struct tms t;
  clock_t c = ::times(&t);
  if (c == static_cast<clock_t>(-1)) return set_os_error(errno);
  double tick = static_cast<double>(::sysconf(_SC_CLK_TCK));
  Ref<Tuple> r = tuple_new(5);
  if (!r) return nullptr;
  double vals[5] = {t.tms_utime / tick, t.tms_stime / tick, t.tms_cutime / tick, t.tms_cstime / tick, c / tick};
  for (size_t i = 0; i < 5; i++) {
    Ref<Object> v = float_from_double(vals[i]);
    if (!v) return nullptr;
    tuple_set(r.get(), i, std::move(v));
  }
  return r;
}

Ref<Object> px_uname(Object*, Object* const*, size_t, Tuple*) {
  struct utsname u;
  if (::uname(&u) < 0) return set_os_error(errno);
  const char* f[5] = {u.sysname, u.nodename, u.release, u.version, u.machine};
  Ref<Tuple> r = tuple_new(5);
  if (!r) return nullptr;
  for (size_t i = 0; i < 5; i++) {
    Ref<Object> s = str_from(f[i]);
    if (!s) return nullptr;
    tuple_set(r.get(), i, std::move(s));
  }
  return r;
}

// urandom(n): n bytes from the kernel's CSPRNG.
Ref<Object> px_urandom(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  int64_t n;
  if (!check_nargs("urandom", nargs, 1, 1) || !int_arg(args[0], &n)) return nullptr;
  if (n < 0) return set_error(exc::ValueError, "negative argument not allowed");
  Ref<Bytes> b = bytes_alloc(static_cast<size_t>(n));
  if (!b) return nullptr;
  size_t got = 0;
  while (got < static_cast<size_t>(n)) {
    ssize_t r = ::getrandom(b->data + got, static_cast<size_t>(n) - got, 0);
    if (r < 0) {
      if (errno == EINTR) continue;
      return set_os_error(errno);
    }
    got += static_cast<size_t>(r);
  }
  return b;
}

// ---- environment ----------------------------------------------------------------------------

// posix.environ: a dict of bytes -> bytes snapshot taken at import (as
// CPython's); os.py decodes it into the str mapping os.environ.
Ref<Object> build_environ() {
  Ref<Dict> d = dict_new();
  if (!d) return nullptr;
  for (char** e = environ; e && *e; e++) {
    const char* eq = std::strchr(*e, '=');
    if (!eq) continue;
    Ref<Object> k = bytes_from(std::string_view(*e, static_cast<size_t>(eq - *e)));
    Ref<Object> v = bytes_from(eq + 1);
    if (!k || !v) return nullptr;
    if (dict_get(d.get(), k.get())) continue;   // the first definition wins
    if (dict_set(d.get(), k.get(), v.get()) < 0) return nullptr;
  }
  return d;
}

bool env_arg(const char* fname, Object* o, std::string* out) {
  std::string_view v;
  if (str_check(o)) v = str_view(o);
  else if (bytes_check(o)) v = bytes_view(o);
  else {
    set_errorf(exc::TypeError, "%s: illegal environment variable name", fname);
    return false;
  }
  if (v.find('\0') != std::string_view::npos) {
    set_error(exc::ValueError, "embedded null byte");
    return false;
  }
  *out = std::string(v);
  return true;
}

Ref<Object> px_putenv(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  std::string k, v;
  if (!check_nargs("putenv", nargs, 2, 2) || !env_arg("putenv", args[0], &k) || !env_arg("putenv", args[1], &v))
    return nullptr;
  if (k.empty() || k.find('=') != std::string::npos)
    return set_error(exc::ValueError, "illegal environment variable name");
  if (::setenv(k.c_str(), v.c_str(), 1) < 0) return set_os_error(errno);
  return none();
}

Ref<Object> px_unsetenv(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  std::string k;
  if (!check_nargs("unsetenv", nargs, 1, 1) || !env_arg("unsetenv", args[0], &k)) return nullptr;
  if (k.empty() || k.find('=') != std::string::npos)
    return set_error(exc::ValueError, "illegal environment variable name");
  if (::unsetenv(k.c_str()) < 0) return set_os_error(errno);
  return none();
}

// ---- files and directories -------------------------------------------------------------------

// Binds (path, [mode/...]) for the many one-path functions.
bool one_path(const char* fname, Object* const* args, size_t nargs, Tuple* kw, Path* p,
              const ArgSpec& spec, Object** a) {
  if (!bind_args(spec, args, nargs, kw, a)) return false;
  return path_arg(fname, "path", a[0], p);
}

Ref<Object> px_chdir(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"chdir", {"path"}, 1};
  Object* a[1];
  Path p;
  if (!one_path("chdir", args, nargs, kw, &p, spec, a)) return nullptr;
  if (::chdir(p.c.c_str()) < 0) return set_os_error(errno, p.obj.get());
  return none();
}

Ref<Object> px_unlink_impl(const char* fname, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec_r{"remove", {"path", "dir_fd"}, 1, 0, 1};
  static const ArgSpec spec_u{"unlink", {"path", "dir_fd"}, 1, 0, 1};
  Object* a[2] = {};
  Path p;
  if (!one_path(fname, args, nargs, kw, &p, fname[0] == 'r' ? spec_r : spec_u, a)) return nullptr;
  if (::unlink(p.c.c_str()) < 0) return set_os_error(errno, p.obj.get());
  return none();
}
Ref<Object> px_remove(Object*, Object* const* a, size_t n, Tuple* k) { return px_unlink_impl("remove", a, n, k); }
Ref<Object> px_unlink(Object*, Object* const* a, size_t n, Tuple* k) { return px_unlink_impl("unlink", a, n, k); }

Ref<Object> px_rmdir(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"rmdir", {"path", "dir_fd"}, 1, 0, 1};
  Object* a[2] = {};
  Path p;
  if (!one_path("rmdir", args, nargs, kw, &p, spec, a)) return nullptr;
  if (::rmdir(p.c.c_str()) < 0) return set_os_error(errno, p.obj.get());
  return none();
}

Ref<Object> px_mkdir(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"mkdir", {"path", "mode", "dir_fd"}, 1, 0, 2};
  Object* a[3] = {};
  Path p;
  if (!one_path("mkdir", args, nargs, kw, &p, spec, a)) return nullptr;
  int64_t mode = 0777;
  if (a[1] && !int_arg(a[1], &mode)) return nullptr;
  if (::mkdir(p.c.c_str(), static_cast<mode_t>(mode)) < 0) return set_os_error(errno, p.obj.get());
  return none();
}

Ref<Object> px_chmod(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"chmod", {"path", "mode", "dir_fd", "follow_symlinks"}, 2, 0, 2};
  Object* a[4] = {};
  Path p;
  if (!one_path("chmod", args, nargs, kw, &p, spec, a)) return nullptr;
  int64_t mode;
  if (!int_arg(a[1], &mode)) return nullptr;
  if (::chmod(p.c.c_str(), static_cast<mode_t>(mode)) < 0) return set_os_error(errno, p.obj.get());
  return none();
}

Ref<Object> rename_impl(const char* fname, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec_rn{"rename", {"src", "dst", "src_dir_fd", "dst_dir_fd"}, 2, 0, 2};
  static const ArgSpec spec_rp{"replace", {"src", "dst", "src_dir_fd", "dst_dir_fd"}, 2, 0, 2};
  Object* a[4] = {};
  if (!bind_args(fname[2] == 'n' ? spec_rn : spec_rp, args, nargs, kw, a)) return nullptr;
  Path src, dst;
  if (!path_arg(fname, "src", a[0], &src) || !path_arg(fname, "dst", a[1], &dst)) return nullptr;
  if (::rename(src.c.c_str(), dst.c.c_str()) < 0) return set_os_error(errno, src.obj.get(), dst.obj.get());
  return none();
}
Ref<Object> px_rename(Object*, Object* const* a, size_t n, Tuple* k) { return rename_impl("rename", a, n, k); }
Ref<Object> px_replace(Object*, Object* const* a, size_t n, Tuple* k) { return rename_impl("replace", a, n, k); }

Ref<Object> two_paths(const char* fname, int (*fn)(const char*, const char*), Object* const* args, size_t nargs,
                      Tuple* kw) {
  if (!check_nargs(fname, nargs, 2, 2)) return nullptr;
  Path src, dst;
  if (!path_arg(fname, "src", args[0], &src) || !path_arg(fname, "dst", args[1], &dst)) return nullptr;
  if (fn(src.c.c_str(), dst.c.c_str()) < 0) return set_os_error(errno, src.obj.get(), dst.obj.get());
  return none();
}
Ref<Object> px_symlink(Object*, Object* const* a, size_t n, Tuple* k) { return two_paths("symlink", ::symlink, a, n, k); }
Ref<Object> px_link(Object*, Object* const* a, size_t n, Tuple* k) { return two_paths("link", ::link, a, n, k); }

Ref<Object> px_readlink(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"readlink", {"path", "dir_fd"}, 1, 0, 1};
  Object* a[2] = {};
  Path p;
  if (!one_path("readlink", args, nargs, kw, &p, spec, a)) return nullptr;
  std::string buf(4096, '\0');
  ssize_t n = ::readlink(p.c.c_str(), buf.data(), buf.size());
  if (n < 0) return set_os_error(errno, p.obj.get());
  return name_like(std::string_view(buf.data(), static_cast<size_t>(n)), p.is_bytes);
}

Ref<Object> px_listdir(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"listdir", {"path"}, 0};
  Object* a[1] = {};
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  Path p;
  p.c = ".";
  if (a[0] && a[0] != None && !path_arg("listdir", "path", a[0], &p)) return nullptr;
  DIR* d;
  {
    vm::ReleaseGil nogil;   // the directory may live on a slow file system
    d = ::opendir(p.c.c_str());
  }
  if (!d) return set_os_error(errno, p.obj ? p.obj.get() : nullptr);
  Ref<List> out = list_new();
  if (!out) { ::closedir(d); return nullptr; }
  errno = 0;
  while (struct dirent* e = ::readdir(d)) {
    if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
    Ref<Object> name = name_like(e->d_name, p.is_bytes);
    if (!name || !list_append(out.get(), name.get())) { ::closedir(d); return nullptr; }
  }
  int err = errno;
  ::closedir(d);
  if (err) return set_os_error(err, p.obj.get());
  return out;
}

// The stat tuple that os.stat_result wraps (see the essay above).
Ref<Object> stat_tuple(const struct stat& st) {
  auto ts = [](const struct timespec& t) { return static_cast<double>(t.tv_sec) + t.tv_nsec * 1e-9; };
  auto ns = [](const struct timespec& t) { return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec; };
  Ref<Object> items[16] = {
      int_from_i64(st.st_mode), int_from_u64(st.st_ino), int_from_u64(st.st_dev),
      int_from_i64(static_cast<int64_t>(st.st_nlink)), int_from_i64(st.st_uid), int_from_i64(st.st_gid),
      int_from_i64(st.st_size), float_from_double(ts(st.st_atim)), float_from_double(ts(st.st_mtim)),
      float_from_double(ts(st.st_ctim)), int_from_i64(ns(st.st_atim)), int_from_i64(ns(st.st_mtim)),
      int_from_i64(ns(st.st_ctim)), int_from_i64(st.st_blksize), int_from_i64(st.st_blocks),
      int_from_u64(st.st_rdev)};
  Ref<Tuple> t = tuple_new(16);
  if (!t) return nullptr;
  for (size_t i = 0; i < 16; i++) {
    if (!items[i]) return nullptr;
    tuple_set(t.get(), i, std::move(items[i]));
  }
  return t;
}

Ref<Object> stat_impl(const char* fname, bool follow_default, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec_s{"stat", {"path", "dir_fd", "follow_symlinks"}, 1, 0, 1};
  static const ArgSpec spec_l{"lstat", {"path", "dir_fd"}, 1, 0, 1};
  Object* a[3] = {};
  if (!bind_args(follow_default ? spec_s : spec_l, args, nargs, kw, a)) return nullptr;
  bool follow = follow_default;
  if (follow_default && a[2]) {
    int t = is_true(a[2]);
    if (t < 0) return nullptr;
    follow = t;
  }
  struct stat st;
  if (int_check(a[0])) {
    int fd;
    if (!fd_arg(a[0], &fd)) return nullptr;
    if (::fstat(fd, &st) < 0) return set_os_error(errno);
    return stat_tuple(st);
  }
  Path p;
  if (!str_check(a[0]) && !bytes_check(a[0]) && !type_lookup(type_of(a[0]), intern("__fspath__")))
    return set_errorf(exc::TypeError, "%s: path should be string, bytes, os.PathLike or integer, not %T", fname,
                      a[0]);
  if (!path_arg(fname, "path", a[0], &p)) return nullptr;
  int r = follow ? ::stat(p.c.c_str(), &st) : ::lstat(p.c.c_str(), &st);
  if (r < 0) return set_os_error(errno, p.obj.get());
  return stat_tuple(st);
}
Ref<Object> px_stat(Object*, Object* const* a, size_t n, Tuple* k) { return stat_impl("stat", true, a, n, k); }
Ref<Object> px_lstat(Object*, Object* const* a, size_t n, Tuple* k) { return stat_impl("lstat", false, a, n, k); }

Ref<Object> px_fstat(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  int fd;
  if (!check_nargs("fstat", nargs, 1, 1) || !fd_arg(args[0], &fd)) return nullptr;
  struct stat st;
  if (::fstat(fd, &st) < 0) return set_os_error(errno);
  return stat_tuple(st);
}

Ref<Object> px_access(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"access", {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"}, 2, 0, 2};
  Object* a[5] = {};
  Path p;
  if (!one_path("access", args, nargs, kw, &p, spec, a)) return nullptr;
  int64_t mode;
  if (!int_arg(a[1], &mode)) return nullptr;
  return new_bool(::access(p.c.c_str(), static_cast<int>(mode)) == 0);
}

// utime(path, times=None, *, ns=None): times is (atime, mtime) in seconds.
Ref<Object> px_utime(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"utime", {"path", "times", "ns", "dir_fd", "follow_symlinks"}, 1, 0, 2};
  Object* a[5] = {};
  Path p;
  if (!one_path("utime", args, nargs, kw, &p, spec, a)) return nullptr;
  struct timespec ts[2];
  ts[0].tv_nsec = ts[1].tv_nsec = UTIME_NOW;
  ts[0].tv_sec = ts[1].tv_sec = 0;
  if (a[1] && a[1] != None) {
    if (!tuple_check(a[1]) || static_cast<Tuple*>(a[1])->size != 2)
      return set_error(exc::TypeError, "utime: 'times' must be either a tuple of two ints or None");
    for (int i = 0; i < 2; i++) {
      Ref<Object> f = to_float(static_cast<Tuple*>(a[1])->items[i]);
      if (!f) return nullptr;
      double v = float_value(f.get());
      ts[i].tv_sec = static_cast<time_t>(v);
      ts[i].tv_nsec = static_cast<long>((v - static_cast<double>(ts[i].tv_sec)) * 1e9);
    }
  } else if (a[2] && a[2] != None) {
    if (!tuple_check(a[2]) || static_cast<Tuple*>(a[2])->size != 2)
      return set_error(exc::TypeError, "utime: 'ns' must be a tuple of two ints");
    for (int i = 0; i < 2; i++) {
      int64_t v;
      if (!int_arg(static_cast<Tuple*>(a[2])->items[i], &v)) return nullptr;
      ts[i].tv_sec = v / 1000000000;
      ts[i].tv_nsec = v % 1000000000;
    }
  }
  if (::utimensat(AT_FDCWD, p.c.c_str(), ts, 0) < 0) return set_os_error(errno, p.obj.get());
  return none();
}

Ref<Object> px_truncate(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("truncate", nargs, 2, 2)) return nullptr;
  int64_t len;
  if (!int_arg(args[1], &len)) return nullptr;
  if (int_check(args[0])) {
    int fd;
    if (!fd_arg(args[0], &fd)) return nullptr;
    if (::ftruncate(fd, len) < 0) return set_os_error(errno);
    return none();
  }
  Path p;
  if (!path_arg("truncate", "path", args[0], &p)) return nullptr;
  if (::truncate(p.c.c_str(), len) < 0) return set_os_error(errno, p.obj.get());
  return none();
}

// ---- file descriptors -----------------------------------------------------------------------

Ref<Object> px_open(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"open", {"path", "flags", "mode", "dir_fd"}, 2, 0, 3};
  Object* a[4] = {};
  Path p;
  if (!one_path("open", args, nargs, kw, &p, spec, a)) return nullptr;
  int64_t flags, mode = 0777;
  if (!int_arg(a[1], &flags) || (a[2] && !int_arg(a[2], &mode))) return nullptr;
  int fd;
  // open may block on a FIFO or a slow file system.
  const char* path = p.c.c_str();
  fd = blocking_call([&] { return ::open(path, static_cast<int>(flags) | O_CLOEXEC, static_cast<mode_t>(mode)); });
  if (fd < 0) return set_os_error(errno, p.obj.get());
  return int_from_i64(fd);
}

Ref<Object> px_close(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  int fd;
  if (!check_nargs("close", nargs, 1, 1) || !fd_arg(args[0], &fd)) return nullptr;
  // close may flush to a slow device; it is never retried (Linux frees the fd anyway).
  int r;
  {
    vm::ReleaseGil nogil;
    r = ::close(fd);
  }
  if (r < 0) return set_os_error(errno);
  return none();
}

Ref<Object> px_read(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  int fd;
  int64_t n;
  if (!check_nargs("read", nargs, 2, 2) || !fd_arg(args[0], &fd) || !int_arg(args[1], &n)) return nullptr;
  if (n < 0) return set_os_error(EINVAL);
  std::string buf(static_cast<size_t>(n), '\0');
  ssize_t r;
  // read blocks on pipes and terminals; buf is ours alone.
  r = blocking_call([&] { return ::read(fd, buf.data(), buf.size()); });
  if (r < 0) return set_os_error(errno);
  return bytes_from(std::string_view(buf.data(), static_cast<size_t>(r)));
}

Ref<Object> px_write(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  int fd;
  if (!check_nargs("write", nargs, 2, 2) || !fd_arg(args[0], &fd)) return nullptr;
  std::string_view data;
  if (!bytes_like_view(args[1], &data))
    return set_errorf(exc::TypeError, "a bytes-like object is required, not '%T'", args[1]);
  std::string copy(data);   // the buffer must stay valid while the GIL is released
  ssize_t r;
  // write blocks on full pipes.
  r = blocking_call([&] { return ::write(fd, copy.data(), copy.size()); });
  if (r < 0) return set_os_error(errno);
  return int_from_i64(r);
}

Ref<Object> px_lseek(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  int fd;
  int64_t pos, how;
  if (!check_nargs("lseek", nargs, 3, 3) || !fd_arg(args[0], &fd) || !int_arg(args[1], &pos) ||
      !int_arg(args[2], &how))
    return nullptr;
  off_t r = ::lseek(fd, static_cast<off_t>(pos), static_cast<int>(how));
  if (r < 0) return set_os_error(errno);
  return int_from_i64(r);
}

Ref<Object> px_fsync(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  int fd;
  if (!check_nargs("fsync", nargs, 1, 1)) return nullptr;
  Object* f = args[0];
  Ref<Object> fileno;
  if (!int_check(f)) {
    fileno = call_method(f, intern("fileno"), nullptr, 0);
    if (!fileno) return nullptr;
    f = fileno.get();
  }
  if (!fd_arg(f, &fd)) return nullptr;
  // fsync waits for the disk.
  if (blocking_call([&] { return ::fsync(fd); }) < 0) return set_os_error(errno);
  return none();
}

Ref<Object> px_pipe(Object*, Object* const*, size_t nargs, Tuple* kw) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) < 0) return set_os_error(errno);
  Ref<Object> r = int_from_i64(fds[0]), w = int_from_i64(fds[1]);
  if (!r || !w) return nullptr;
  return tuple_pack({r.get(), w.get()});
}

Ref<Object> px_dup(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  int fd;
  if (!check_nargs("dup", nargs, 1, 1) || !fd_arg(args[0], &fd)) return nullptr;
  int r = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (r < 0) return set_os_error(errno);
  return int_from_i64(r);
}

Ref<Object> px_dup2(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"dup2", {"fd", "fd2", "inheritable"}, 2};
  Object* a[3] = {};
  int fd, fd2;
  if (!bind_args(spec, args, nargs, kw, a) || !fd_arg(a[0], &fd) || !fd_arg(a[1], &fd2)) return nullptr;
  bool inheritable = true;
  if (a[2]) {
    int t = is_true(a[2]);
    if (t < 0) return nullptr;
    inheritable = t;
  }
  int r = inheritable ? ::dup2(fd, fd2) : ::dup3(fd, fd2, O_CLOEXEC);
  if (r < 0) return set_os_error(errno);
  return int_from_i64(r);
}

Ref<Object> px_isatty(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  int fd;
  if (!check_nargs("isatty", nargs, 1, 1) || !fd_arg(args[0], &fd)) return nullptr;
  return new_bool(::isatty(fd) == 1);
}

// get_blocking(fd) / set_blocking(fd, blocking): the descriptor's O_NONBLOCK flag.
Ref<Object> px_get_blocking(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  int fd;
  if (!check_no_kwargs("get_blocking", kw) || !check_nargs("get_blocking", nargs, 1, 1) || !fd_arg(args[0], &fd))
    return nullptr;
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) return set_os_error(errno);
  return new_bool(!(flags & O_NONBLOCK));
}

Ref<Object> px_set_blocking(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  int fd;
  if (!check_no_kwargs("set_blocking", kw) || !check_nargs("set_blocking", nargs, 2, 2) || !fd_arg(args[0], &fd))
    return nullptr;
  int blocking = is_true(args[1]);
  if (blocking < 0) return nullptr;
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) return set_os_error(errno);
  int want = blocking ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK);
  if (want != flags && fcntl(fd, F_SETFL, want) < 0) return set_os_error(errno);
  return none();
}

Ref<Object> px_get_terminal_size(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  return set_error(exc::OSError, "get_terminal_size is not supported");
}

// waitpid(pid, options) -> (pid, status) and the W* decoders.
Ref<Object> px_waitpid(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  int64_t pid, options;
  if (!check_nargs("waitpid", nargs, 2, 2) || !int_arg(args[0], &pid) || !int_arg(args[1], &options))
    return nullptr;
  int status = 0;
  pid_t r;
  // Waiting for a child.
  r = blocking_call([&] { return ::waitpid(static_cast<pid_t>(pid), &status, static_cast<int>(options)); });
  if (r < 0) return set_os_error(errno);
  Ref<Object> a = int_from_i64(r), b = int_from_i64(status);
  if (!a || !b) return nullptr;
  return tuple_pack({a.get(), b.get()});
}

#define COIL_STATUS_FN(name, expr)                                                        \
  Ref<Object> px_##name(Object*, Object* const* args, size_t nargs, Tuple*) {             \
    int64_t st;                                                                           \
    if (!check_nargs(#name, nargs, 1, 1) || !int_arg(args[0], &st)) return nullptr;       \
    int status = static_cast<int>(st);                                                    \
    return expr;                                                                          \
  }
COIL_STATUS_FN(WIFEXITED, new_bool(WIFEXITED(status)))
COIL_STATUS_FN(WEXITSTATUS, int_from_i64(WEXITSTATUS(status)))
COIL_STATUS_FN(WIFSIGNALED, new_bool(WIFSIGNALED(status)))
COIL_STATUS_FN(WTERMSIG, int_from_i64(WTERMSIG(status)))
COIL_STATUS_FN(WIFSTOPPED, new_bool(WIFSTOPPED(status)))
COIL_STATUS_FN(WSTOPSIG, int_from_i64(WSTOPSIG(status)))
#undef COIL_STATUS_FN

// system(command): runs the command through /bin/sh; the wait status.
Ref<Object> px_system(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"system", {"command"}, 1};
  Object* a[1];
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  Path p;
  if (!path_arg("system", "command", a[0], &p)) return nullptr;
  flush_std_streams();   // the child writes to the same fds: keep the order
  int r;
  {
    vm::ReleaseGil nogil;   // waits for the child
    r = ::system(p.c.c_str());
  }
  if (r < 0) return set_os_error(errno);
  return int_from_i64(r);
}

Ref<Object> px_waitstatus_to_exitcode(Object*, Object* const* args, size_t nargs, Tuple*) {
  int64_t st;
  if (!check_nargs("waitstatus_to_exitcode", nargs, 1, 1) || !int_arg(args[0], &st)) return nullptr;
  int status = static_cast<int>(st);
  if (WIFEXITED(status)) return int_from_i64(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return int_from_i64(-WTERMSIG(status));
  return set_errorf(exc::ValueError, "invalid wait status: %d", status);
}

const MethodDef posix_functions[] = {
    {"getpid", px_getpid}, {"getppid", px_getppid}, {"getuid", px_getuid}, {"geteuid", px_geteuid},
    {"getgid", px_getgid}, {"getegid", px_getegid}, {"cpu_count", px_cpu_count},
    {"getcwd", px_getcwd}, {"getcwdb", px_getcwdb}, {"chdir", px_chdir}, {"strerror", px_strerror},
    {"fspath", px_fspath}, {"umask", px_umask}, {"kill", px_kill}, {"_exit", px__exit},
    {"times", px_times}, {"uname", px_uname}, {"urandom", px_urandom},
    {"putenv", px_putenv}, {"unsetenv", px_unsetenv},
    {"remove", px_remove}, {"unlink", px_unlink}, {"rmdir", px_rmdir}, {"mkdir", px_mkdir},
    {"chmod", px_chmod}, {"rename", px_rename}, {"replace", px_replace}, {"symlink", px_symlink},
    {"link", px_link}, {"readlink", px_readlink}, {"listdir", px_listdir}, {"stat", px_stat},
    {"lstat", px_lstat}, {"fstat", px_fstat}, {"access", px_access}, {"utime", px_utime},
    {"truncate", px_truncate}, {"ftruncate", px_truncate},
    {"open", px_open}, {"close", px_close}, {"read", px_read}, {"write", px_write}, {"lseek", px_lseek},
    {"fsync", px_fsync}, {"pipe", px_pipe}, {"dup", px_dup}, {"dup2", px_dup2}, {"isatty", px_isatty},
    {"get_blocking", px_get_blocking}, {"set_blocking", px_set_blocking},
    {"get_terminal_size", px_get_terminal_size}, {"waitpid", px_waitpid},
    {"WIFEXITED", px_WIFEXITED}, {"WEXITSTATUS", px_WEXITSTATUS}, {"WIFSIGNALED", px_WIFSIGNALED},
    {"WTERMSIG", px_WTERMSIG}, {"WIFSTOPPED", px_WIFSTOPPED}, {"WSTOPSIG", px_WSTOPSIG},
    {"waitstatus_to_exitcode", px_waitstatus_to_exitcode}, {"system", px_system},
    {nullptr},
};

struct IntConst {
  const char* name;
  int64_t value;
};

const IntConst posix_constants[] = {
    {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
    {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR}, {"O_APPEND", O_APPEND},
    {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL}, {"O_TRUNC", O_TRUNC}, {"O_NONBLOCK", O_NONBLOCK},
    {"O_NOCTTY", O_NOCTTY}, {"O_CLOEXEC", O_CLOEXEC}, {"O_DIRECTORY", O_DIRECTORY},
    {"O_NOFOLLOW", O_NOFOLLOW}, {"O_SYNC", O_SYNC}, {"O_DSYNC", O_DSYNC}, {"O_ACCMODE", O_ACCMODE},
    {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR}, {"SEEK_END", SEEK_END},
    {"WNOHANG", WNOHANG}, {"WUNTRACED", WUNTRACED},
    {"EX_OK", 0},
};

}  // namespace

Ref<Object> make_posix_module() {
  Ref<Object> m = module_new_builtin("posix");
  if (!m || !module_add_functions(m.get(), posix_functions)) return nullptr;
  for (const IntConst& c : posix_constants) {
    Ref<Object> v = int_from_i64(c.value);
    if (!v || !module_add_object(m.get(), c.name, v.get())) return nullptr;
  }
  Ref<Object> env = build_environ();
  if (!env || !module_add_object(m.get(), "environ", env.get())) return nullptr;
  return m;
}

}  // namespace coil::runtime
