// _socket.cpp — the `_socket` module: BSD sockets for stdlib/lib/socket.py.
//
// A socket object is a file descriptor plus the three numbers it was made
// with (family, type, proto) and a timeout, as in CPython's socketmodule.c:
//
//     timeout < 0   blocking: each call blocks in the kernel;
//     timeout == 0  non-blocking: a call that would block raises
//                   BlockingIOError at once;
//     timeout > 0   the descriptor is non-blocking and each call first waits
//                   with poll() for at most `timeout` seconds, then raises
//                   TimeoutError("timed out").
//
// THE GIL.  Every call that can wait — accept, connect, recv, send, poll —
// runs inside vm::ReleaseGil, so other Python threads run while this one
// waits in the kernel (the point of acceptance test
// 001_blocking_io_releases_gil).  Arguments are copied to plain C++ values
// before the guard is entered; no object is touched while the GIL is out.
// A call interrupted by a signal runs the Python handlers and is retried
// (PEP 475) unless a handler raised.
//
// ADDRESSES are Python values: (host, port) for AF_INET, (host, port,
// flowinfo, scope_id) for AF_INET6, a str or bytes path for AF_UNIX.
// parse_address / make_address convert them to and from sockaddr storage.
//
// socket.py subclasses `_socket.socket` to add the context manager,
// accept() returning socket objects, and the module-level helpers
// (socketpair, create_connection, create_server).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <string>

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
#include "stdlib/native/modules.h"
#include "stdlib/native/signals.h"
#include "vm/gil.h"

namespace coil::runtime {

TypeObject SocketType;

namespace {

// The default timeout of new sockets (socket.setdefaulttimeout); < 0: None.
double g_default_timeout = -1.0;

struct SocketObj : Object {
  int fd = -1;
  int family = AF_INET;
  int type = SOCK_STREAM;
  int proto = 0;
  double timeout = -1.0;
};

inline SocketObj* as_sock(Object* o) { return static_cast<SocketObj*>(o); }

// ---- errors --------------------------------------------------------------------------------

Ref<Object> raise_timeout() { return set_error(exc::TimeoutError, "timed out"); }

// socket.gaierror(code, message) for getaddrinfo failures.
Ref<Object> g_gaierror;
Ref<Object> raise_gai(int code) {
  Ref<Object> num = int_from_i64(code);
  Ref<Object> msg = str_from(gai_strerror(code));
  if (!num || !msg) return nullptr;
  Object* args[2] = {num.get(), msg.get()};
  Ref<Object> e = call(g_gaierror.get(), args, 2);
  if (!e) return nullptr;
  return set_error_object(e.get());
}

Ref<Object> closed_error() { return set_os_error(EBADF); }

// ---- waiting -------------------------------------------------------------------------------

enum class Wait { Ready, TimedOut, Failed };

// Waits until `fd` is readable (or writable) for at most `timeout` seconds,
// with the GIL released.  Failed: errno is set (or a signal handler raised).
Wait wait_for_fd(int fd, bool writing, double timeout) {
  for (;;) {
    int r, err;
    {
      vm::ReleaseGil nogil;
      struct pollfd p = {fd, static_cast<short>(writing ? POLLOUT : POLLIN), 0};
      r = poll(&p, 1, static_cast<int>(std::ceil(timeout * 1000.0)));
      err = errno;
    }
    if (r > 0) return Wait::Ready;
    if (r == 0) return Wait::TimedOut;
    if (err != EINTR) { errno = err; return Wait::Failed; }
    if (!signals_run_pending()) { errno = EINTR; return Wait::Failed; }
  }
}

// Runs the system call `f` the way the socket's timeout says: blocking
// calls with the GIL released and EINTR retried; timed calls after a poll.
// Returns f's result; on failure (< 0) errno is set, or the exception is
// already pending (timeout, signal handler).  `*timed_out` tells the two apart.
template <class F>
ssize_t sock_call(SocketObj* s, bool writing, F f, bool* timed_out) {
  *timed_out = false;
  for (;;) {
    if (s->timeout > 0) {
      Wait w = wait_for_fd(s->fd, writing, s->timeout);
      if (w == Wait::TimedOut) { *timed_out = true; return -1; }
      if (w == Wait::Failed) return -1;
    }
    ssize_t r;
    int err;
    {
      vm::ReleaseGil nogil;
      r = f();
      err = errno;
    }
    if (r >= 0) return r;
    errno = err;
    if (err == EINTR) {
      if (!signals_run_pending()) { errno = EINTR; return -1; }
      continue;
    }
    // A timed socket polled "ready" but the call would still block (a
    // spurious wake-up): wait again.
    if (s->timeout > 0 && (err == EAGAIN || err == EWOULDBLOCK)) continue;
    return -1;
  }
}

// The error for a failed sock_call.
Ref<Object> sock_call_error(bool timed_out) {
  if (timed_out) return raise_timeout();
  return set_os_error(errno);
}

// Puts the descriptor in blocking or non-blocking mode to match `timeout`.
bool apply_timeout(int fd, double timeout) {
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) return false;
  int want = timeout >= 0 ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
  return want == flags || fcntl(fd, F_SETFL, want) == 0;
}

// A timeout argument: None -> -1 (blocking), else a non-negative number.
bool timeout_arg(Object* o, double* out) {
  if (o == None) { *out = -1.0; return true; }
  double v;
  if (float_check(o)) {
    v = float_value(o);
  } else if (int_check(o)) {
    int64_t i;
    if (!index_to_i64(o, &i)) return false;
    v = static_cast<double>(i);
  } else {
    set_errorf(exc::TypeError, "'%T' object cannot be interpreted as an integer", o);
    return false;
  }
  if (std::isnan(v)) { set_error(exc::ValueError, "Invalid value NaN (not a number)"); return false; }
  if (v < 0) { set_error(exc::ValueError, "Timeout value out of range"); return false; }
  *out = v;
  return true;
}

Ref<Object> timeout_value(double t) { return t < 0 ? none() : float_from_double(t); }

// ---- addresses -----------------------------------------------------------------------------

struct SockAddr {
  sockaddr_storage storage{};
  socklen_t len = 0;
  sockaddr* get() { return reinterpret_cast<sockaddr*>(&storage); }
};

// Resolves `host` for `family` into `out` (port set by the caller).
bool resolve_host(Object* host_obj, int family, SockAddr* out) {
  if (!str_check(host_obj)) {
    set_errorf(exc::TypeError, "str, bytes or bytearray expected, not %T", host_obj);
    return false;
  }
  std::string host(str_view(host_obj));
  if (family == AF_INET) {
    auto* sin = reinterpret_cast<sockaddr_in*>(&out->storage);
    sin->sin_family = AF_INET;
    out->len = sizeof(sockaddr_in);
    if (host.empty()) { sin->sin_addr.s_addr = htonl(INADDR_ANY); return true; }
    if (host == "<broadcast>") { sin->sin_addr.s_addr = htonl(INADDR_BROADCAST); return true; }
    if (inet_pton(AF_INET, host.c_str(), &sin->sin_addr) == 1) return true;
  } else {
    auto* sin6 = reinterpret_cast<sockaddr_in6*>(&out->storage);
    sin6->sin6_family = AF_INET6;
    out->len = sizeof(sockaddr_in6);
    if (host.empty()) { sin6->sin6_addr = in6addr_any; return true; }
    if (inet_pton(AF_INET6, host.c_str(), &sin6->sin6_addr) == 1) return true;
  }
  addrinfo hints{}, *res = nullptr;
  hints.ai_family = family;
  int rc;
  {
    vm::ReleaseGil nogil;   // name resolution may ask the network
    rc = getaddrinfo(host.c_str(), nullptr, &hints, &res);
  }
  if (rc != 0) { raise_gai(rc); return false; }
  std::memcpy(&out->storage, res->ai_addr, res->ai_addrlen);
  out->len = res->ai_addrlen;
  freeaddrinfo(res);
  return true;
}

bool port_arg(Object* o, const char* caller, uint16_t* out) {
  if (!int_check(o)) {
    set_errorf(exc::TypeError, "'%T' object cannot be interpreted as an integer", o);
    return false;
  }
  int64_t p;
  if (!index_to_i64(o, &p)) return false;
  if (p < 0 || p > 65535) {
    set_errorf(exc::OverflowError, "%s(): port must be 0-65535.", caller);
    return false;
  }
  *out = static_cast<uint16_t>(p);
  return true;
}

bool parse_address(SocketObj* s, Object* addr, const char* caller, SockAddr* out) {
  if (s->family == AF_UNIX) {
    std::string_view path;
    if (str_check(addr)) path = str_view(addr);
    else if (!bytes_like_view(addr, &path)) {
      set_errorf(exc::TypeError, "%s(): AF_UNIX address must be str or bytes, not %T", caller, addr);
      return false;
    }
    auto* sun = reinterpret_cast<sockaddr_un*>(&out->storage);
    if (path.size() >= sizeof sun->sun_path) {
      set_error(exc::OSError, "AF_UNIX path too long");
      return false;
    }
    sun->sun_family = AF_UNIX;
    std::memcpy(sun->sun_path, path.data(), path.size());
    out->len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + path.size() + 1);
    return true;
  }
  if (s->family != AF_INET && s->family != AF_INET6) {
    set_errorf(exc::OSError, "%s(): bad family", caller);
    return false;
  }
  size_t want = s->family == AF_INET ? 2 : 4;
  if (!tuple_check(addr)) {
    set_errorf(exc::TypeError, "%s(): AF_INET%s address must be tuple, not %T", caller,
               s->family == AF_INET ? "" : "6", addr);
    return false;
  }
  auto* t = static_cast<Tuple*>(addr);
  if (t->size < 2 || t->size > want) {
    if (s->family == AF_INET)
      set_errorf(exc::TypeError, "AF_INET address must be a pair (host, port)");
    else
      set_errorf(exc::TypeError, "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
    return false;
  }
  uint16_t port;
  if (!port_arg(t->items[1], caller, &port)) return false;
  if (!resolve_host(t->items[0], s->family, out)) return false;
  if (s->family == AF_INET) {
    reinterpret_cast<sockaddr_in*>(&out->storage)->sin_port = htons(port);
  } else {
    auto* sin6 = reinterpret_cast<sockaddr_in6*>(&out->storage);
    sin6->sin6_port = htons(port);
    int64_t v;
    if (t->size > 2) { if (!index_to_i64(t->items[2], &v)) return false; sin6->sin6_flowinfo = htonl(static_cast<uint32_t>(v)); }
    if (t->size > 3) { if (!index_to_i64(t->items[3], &v)) return false; sin6->sin6_scope_id = static_cast<uint32_t>(v); }
  }
  return true;
}

Ref<Object> make_address(const sockaddr* sa, socklen_t len) {
  if (len == 0) return none();
  char buf[INET6_ADDRSTRLEN];
  switch (sa->sa_family) {
    case AF_INET: {
      auto* sin = reinterpret_cast<const sockaddr_in*>(sa);
      inet_ntop(AF_INET, &sin->sin_addr, buf, sizeof buf);
      Ref<Object> host = str_from(buf);
      Ref<Object> port = int_from_i64(ntohs(sin->sin_port));
      if (!host || !port) return nullptr;
      return tuple_pack({host.get(), port.get()});
    }
    case AF_INET6: {
      auto* sin6 = reinterpret_cast<const sockaddr_in6*>(sa);
      inet_ntop(AF_INET6, &sin6->sin6_addr, buf, sizeof buf);
      Ref<Object> host = str_from(buf);
      Ref<Object> port = int_from_i64(ntohs(sin6->sin6_port));
      Ref<Object> flow = int_from_i64(ntohl(sin6->sin6_flowinfo));
      Ref<Object> scope = int_from_i64(sin6->sin6_scope_id);
      if (!host || !port || !flow || !scope) return nullptr;
      return tuple_pack({host.get(), port.get(), flow.get(), scope.get()});
    }
    case AF_UNIX: {
      auto* sun = reinterpret_cast<const sockaddr_un*>(sa);
      size_t n = len > offsetof(sockaddr_un, sun_path) ? len - offsetof(sockaddr_un, sun_path) : 0;
      // Linux abstract names start with NUL and are returned as bytes.
      if (n > 0 && sun->sun_path[0] == '\0') return bytes_from(std::string_view(sun->sun_path, n));
      return str_from(std::string_view(sun->sun_path, strnlen(sun->sun_path, n)));
    }
    default:
      return tuple_pack({int_from_i64(sa->sa_family).get(), bytes_from("").get()});
  }
}

// ---- the socket type -----------------------------------------------------------------------

bool check_open(SocketObj* s) {
  if (s->fd >= 0) return true;
  closed_error();
  return false;
}

int64_t int_or(Object* o, int64_t dflt, bool* ok) {
  *ok = true;
  if (!o || o == None) return dflt;
  int64_t v;
  if (!index_to_i64(o, &v)) { *ok = false; return 0; }
  return v;
}

Ref<Object> sock_new(TypeObject* type, Object* const*, size_t, Tuple*) {
  SocketObj* s = alloc<SocketObj>(type);
  if (!s) return nullptr;
  return steal(static_cast<Object*>(s));
}

// socket(family=-1, type=-1, proto=-1, fileno=None)
int sock_init(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"socket", {"family", "type", "proto", "fileno"}, 0};
  Object* a[4];
  if (!bind_args(spec, args, nargs, kw, a)) return -1;
  SocketObj* s = as_sock(self);
  bool ok;
  int64_t family = int_or(a[0], -1, &ok); if (!ok) return -1;
  int64_t type = int_or(a[1], -1, &ok); if (!ok) return -1;
  int64_t proto = int_or(a[2], -1, &ok); if (!ok) return -1;
  if (a[3] && a[3] != None) {
    int64_t fd;
    if (!index_to_i64(a[3], &fd)) return -1;
    if (fd < 0) { set_error(exc::ValueError, "negative file descriptor"); return -1; }
    sockaddr_storage st{};
    socklen_t len = sizeof st;
    int t = 0;
    socklen_t tl = sizeof t;
    if (getsockname(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&st), &len) < 0 ||
        getsockopt(static_cast<int>(fd), SOL_SOCKET, SO_TYPE, &t, &tl) < 0) {
      set_os_error(errno);
      return -1;
    }
    s->fd = static_cast<int>(fd);
    s->family = family == -1 ? st.ss_family : static_cast<int>(family);
    s->type = type == -1 ? t : static_cast<int>(type);
    s->proto = proto == -1 ? 0 : static_cast<int>(proto);
  } else {
    s->family = family == -1 ? AF_INET : static_cast<int>(family);
    s->type = type == -1 ? SOCK_STREAM : static_cast<int>(type);
    s->proto = proto == -1 ? 0 : static_cast<int>(proto);
    int fd = socket(s->family, s->type | SOCK_CLOEXEC, s->proto);
    if (fd < 0) { set_os_error(errno); return -1; }
    s->fd = fd;
  }
  s->timeout = g_default_timeout;
  if (s->timeout >= 0 && !apply_timeout(s->fd, s->timeout)) { set_os_error(errno); return -1; }
  return 0;
}

void sock_dealloc(Object* self) {
  SocketObj* s = as_sock(self);
  if (s->fd >= 0) close(s->fd);   // CPython also warns (ResourceWarning, silent by default)
  destroy_object(s);
}

Ref<Object> sock_fileno(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("socket.fileno", nargs, kw)) return nullptr;
  return int_from_i64(as_sock(self)->fd);
}

Ref<Object> sock_close(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("socket.close", nargs, kw)) return nullptr;
  SocketObj* s = as_sock(self);
  if (s->fd >= 0) {
    int fd = s->fd;
    s->fd = -1;
    // close() is not retried on EINTR (the descriptor is gone either way);
    // ECONNRESET from close is ignored, as CPython does.
    if (close(fd) < 0 && errno != ECONNRESET && errno != EINTR) return set_os_error(errno);
  }
  return none();
}

Ref<Object> sock_detach(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("socket.detach", nargs, kw)) return nullptr;
  SocketObj* s = as_sock(self);
  int fd = s->fd;
  s->fd = -1;
  return int_from_i64(fd);
}

Ref<Object> sock_bind(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("bind", kw) || !check_nargs("bind", nargs, 1, 1)) return nullptr;
  SocketObj* s = as_sock(self);
  if (!check_open(s)) return nullptr;
  SockAddr sa;
  if (!parse_address(s, args[0], "bind", &sa)) return nullptr;
  if (bind(s->fd, sa.get(), sa.len) < 0) return set_os_error(errno);
  return none();
}

Ref<Object> sock_listen(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("listen", kw) || !check_nargs("listen", nargs, 0, 1)) return nullptr;
  SocketObj* s = as_sock(self);
  if (!check_open(s)) return nullptr;
  int64_t backlog = 128;
  if (nargs && !index_to_i64(args[0], &backlog)) return nullptr;
  if (backlog < 0) backlog = 0;
  if (listen(s->fd, static_cast<int>(backlog)) < 0) return set_os_error(errno);
  return none();
}

// _accept() -> (fd, address); socket.accept wraps the fd in a socket.
Ref<Object> sock_accept(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("socket._accept", nargs, kw)) return nullptr;
  SocketObj* s = as_sock(self);
  if (!check_open(s)) return nullptr;
  SockAddr sa;
  sa.len = sizeof sa.storage;
  int fd = s->fd;
  bool timed_out;
  ssize_t r = sock_call(s, false, [&] { return static_cast<ssize_t>(accept4(fd, sa.get(), &sa.len, SOCK_CLOEXEC)); },
                        &timed_out);
  if (r < 0) return sock_call_error(timed_out);
  Ref<Object> nfd = int_from_i64(r);
  Ref<Object> addr = make_address(sa.get(), sa.len);
  if (!nfd || !addr) { close(static_cast<int>(r)); return nullptr; }
  return tuple_pack({nfd.get(), addr.get()});
}

// connect: a timed socket starts a non-blocking connect and polls for it.
int do_connect(SocketObj* s, Object* addr_obj, bool* timed_out) {
  *timed_out = false;
  SockAddr sa;
  if (!parse_address(s, addr_obj, "connect", &sa)) return -2;
  int fd = s->fd;
  int r, err;
  for (;;) {
    {
      vm::ReleaseGil nogil;
      r = connect(fd, sa.get(), sa.len);
      err = errno;
    }
    if (r == 0) return 0;
    if (err != EINTR) break;
    if (!signals_run_pending()) return -2;
    // Retrying connect after EINTR is wrong (the connection is under way):
    // wait for it as for a non-blocking connect.
    err = EINPROGRESS;
    break;
  }
  if (err == EINPROGRESS && s->timeout != 0) {
    Wait w = wait_for_fd(fd, true, s->timeout > 0 ? s->timeout : -1.0 / 1000.0);
    if (w == Wait::TimedOut) { *timed_out = true; return -1; }
    if (w == Wait::Failed) return errno == EINTR && error_occurred() ? -2 : errno;
    int so_err = 0;
    socklen_t len = sizeof so_err;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_err, &len) < 0) return errno;
    return so_err;
  }
  return err;
}

Ref<Object> sock_connect(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("connect", kw) || !check_nargs("connect", nargs, 1, 1)) return nullptr;
  SocketObj* s = as_sock(self);
  if (!check_open(s)) return nullptr;
  bool timed_out;
  int err = do_connect(s, args[0], &timed_out);
  if (err == -2) return nullptr;
  if (timed_out) return raise_timeout();
  if (err != 0) return set_os_error(err);
  return none();
}

Ref<Object> sock_connect_ex(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("connect_ex", kw) || !check_nargs("connect_ex", nargs, 1, 1)) return nullptr;
  SocketObj* s = as_sock(self);
  if (!check_open(s)) return nullptr;
  bool timed_out;
  int err = do_connect(s, args[0], &timed_out);
  if (err == -2) return nullptr;
  return int_from_i64(timed_out ? EWOULDBLOCK : err);
}

bool flags_arg(Object* const* args, size_t nargs, size_t at, int* flags) {
  *flags = 0;
  if (nargs <= at) return true;
  int64_t v;
  if (!index_to_i64(args[at], &v)) return false;
  *flags = static_cast<int>(v);
  return true;
}

bool data_arg(Object* o, std::string_view* out) {
  if (bytes_like_view(o, out)) return true;
  set_errorf(exc::TypeError, "a bytes-like object is required, not '%T'", o);
  return false;
}

Ref<Object> sock_recv(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("recv", kw) || !check_nargs("recv", nargs, 1, 2)) return nullptr;
  SocketObj* s = as_sock(self);
  if (!check_open(s)) return nullptr;
  int64_t n;
  int flags;
  if (!index_to_i64(args[0], &n) || !flags_arg(args, nargs, 1, &flags)) return nullptr;
  if (n < 0) return set_error(exc::ValueError, "negative buffersize in recv");
  std::string buf(static_cast<size_t>(n), '\0');
  int fd = s->fd;
  bool timed_out;
  ssize_t r = sock_call(s, false, [&] { return recv(fd, buf.data(), buf.size(), flags); }, &timed_out);
  if (r < 0) return sock_call_error(timed_out);
  buf.resize(static_cast<size_t>(r));
  return bytes_from(buf);
}

Ref<Object> sock_recvfrom(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("recvfrom", kw) || !check_nargs("recvfrom", nargs, 1, 2)) return nullptr;
  SocketObj* s = as_sock(self);
  if (!check_open(s)) return nullptr;
  int64_t n;
  int flags;
  if (!index_to_i64(args[0], &n) || !flags_arg(args, nargs, 1, &flags)) return nullptr;
  if (n < 0) return set_error(exc::ValueError, "negative buffersize in recvfrom");
  std::string buf(static_cast<size_t>(n), '\0');
  SockAddr sa;
  sa.len = sizeof sa.storage;
  int fd = s->fd;
  bool timed_out;
  ssize_t r = sock_call(s, false, [&] { return recvfrom(fd, buf.data(), buf.size(), flags, sa.get(), &sa.len); },
                        &timed_out);
  if (r < 0) return sock_call_error(timed_out);
  buf.resize(static_cast<size_t>(r));
  Ref<Object> data = bytes_from(buf);
  Ref<Object> addr = make_address(sa.get(), sa.len);
  if (!data || !addr) return nullptr;
  return tuple_pack({data.get(), addr.get()});
}

Ref<Object> sock_send(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("send", kw) || !check_nargs("send", nargs, 1, 2)) return nullptr;
  SocketObj* s = as_sock(self);
  if (!check_open(s)) return nullptr;
  std::string_view view;
  int flags;
  if (!data_arg(args[0], &view) || !flags_arg(args, nargs, 1, &flags)) return nullptr;
  std::string data(view);   // the object must not be read without the GIL
  int fd = s->fd;
  bool timed_out;
  ssize_t r = sock_call(s, true, [&] { return send(fd, data.data(), data.size(), flags | MSG_NOSIGNAL); },
                        &timed_out);
  if (r < 0) return sock_call_error(timed_out);
  return int_from_i64(r);
}

Ref<Object> sock_sendall(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("sendall", kw) || !check_nargs("sendall", nargs, 1, 2)) return nullptr;
  SocketObj* s = as_sock(self);
  if (!check_open(s)) return nullptr;
  std::string_view view;
  int flags;
  if (!data_arg(args[0], &view) || !flags_arg(args, nargs, 1, &flags)) return nullptr;
  std::string data(view);
  int fd = s->fd;
  size_t sent = 0;
  while (sent < data.size()) {
    bool timed_out;
    ssize_t r = sock_call(s, true, [&] { return send(fd, data.data() + sent, data.size() - sent, flags | MSG_NOSIGNAL); },
                          &timed_out);
    if (r < 0) return sock_call_error(timed_out);
    sent += static_cast<size_t>(r);
  }
  return none();
}

Ref<Object> sock_sendto(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("sendto", kw) || !check_nargs("sendto", nargs, 2, 3)) return nullptr;
  SocketObj* s = as_sock(self);
  if (!check_open(s)) return nullptr;
  std::string_view view;
  int flags = 0;
  Object* addr = args[nargs - 1];
  if (!data_arg(args[0], &view)) return nullptr;
  if (nargs == 3 && !flags_arg(args, nargs, 1, &flags)) return nullptr;
  SockAddr sa;
  if (!parse_address(s, addr, "sendto", &sa)) return nullptr;
  std::string data(view);
  int fd = s->fd;
  bool timed_out;
  ssize_t r = sock_call(s, true, [&] { return sendto(fd, data.data(), data.size(), flags | MSG_NOSIGNAL, sa.get(), sa.len); },
                        &timed_out);
  if (r < 0) return sock_call_error(timed_out);
  return int_from_i64(r);
}

Ref<Object> sock_shutdown(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("shutdown", kw) || !check_nargs("shutdown", nargs, 1, 1)) return nullptr;
  SocketObj* s = as_sock(self);
  if (!check_open(s)) return nullptr;
  int64_t how;
  if (!index_to_i64(args[0], &how)) return nullptr;
  if (shutdown(s->fd, static_cast<int>(how)) < 0) return set_os_error(errno);
  return none();
}

Ref<Object> sock_settimeout(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("settimeout", kw) || !check_nargs("settimeout", nargs, 1, 1)) return nullptr;
  SocketObj* s = as_sock(self);
  double t;
  if (!timeout_arg(args[0], &t)) return nullptr;
  s->timeout = t;
  if (s->fd >= 0 && !apply_timeout(s->fd, t)) return set_os_error(errno);
  return none();
}

Ref<Object> sock_gettimeout(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("socket.gettimeout", nargs, kw)) return nullptr;
  return timeout_value(as_sock(self)->timeout);
}

Ref<Object> sock_setblocking(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("setblocking", kw) || !check_nargs("setblocking", nargs, 1, 1)) return nullptr;
  SocketObj* s = as_sock(self);
  int truth = is_true(args[0]);
  if (truth < 0) return nullptr;
  s->timeout = truth ? -1.0 : 0.0;
  if (s->fd >= 0 && !apply_timeout(s->fd, s->timeout)) return set_os_error(errno);
  return none();
}

Ref<Object> sock_getblocking(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("socket.getblocking", nargs, kw)) return nullptr;
  return new_bool(as_sock(self)->timeout != 0);
}

Ref<Object> name_of(Object* self, bool peer) {
  SocketObj* s = as_sock(self);
  if (!check_open(s)) return nullptr;
  SockAddr sa;
  sa.len = sizeof sa.storage;
  int r = peer ? getpeername(s->fd, sa.get(), &sa.len) : getsockname(s->fd, sa.get(), &sa.len);
  if (r < 0) return set_os_error(errno);
  return make_address(sa.get(), sa.len);
}

Ref<Object> sock_getsockname(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("socket.getsockname", nargs, kw)) return nullptr;
  return name_of(self, false);
}

Ref<Object> sock_getpeername(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("socket.getpeername", nargs, kw)) return nullptr;
  return name_of(self, true);
}

// setsockopt(level, option, value: int | bytes)
Ref<Object> sock_setsockopt(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("setsockopt", kw) || !check_nargs("setsockopt", nargs, 3, 3)) return nullptr;
  SocketObj* s = as_sock(self);
  if (!check_open(s)) return nullptr;
  int64_t level, opt;
  if (!index_to_i64(args[0], &level) || !index_to_i64(args[1], &opt)) return nullptr;
  int r;
  std::string_view buf;
  if (int_check(args[2])) {
    int64_t v;
    if (!index_to_i64(args[2], &v)) return nullptr;
    int iv = static_cast<int>(v);
    r = setsockopt(s->fd, static_cast<int>(level), static_cast<int>(opt), &iv, sizeof iv);
  } else if (bytes_like_view(args[2], &buf)) {
    r = setsockopt(s->fd, static_cast<int>(level), static_cast<int>(opt), buf.data(), static_cast<socklen_t>(buf.size()));
  } else {
    return set_errorf(exc::TypeError, "a bytes-like object is required, not '%T'", args[2]);
  }
  if (r < 0) return set_os_error(errno);
  return none();
}

Ref<Object> sock_getsockopt(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("getsockopt", kw) || !check_nargs("getsockopt", nargs, 2, 3)) return nullptr;
  SocketObj* s = as_sock(self);
  if (!check_open(s)) return nullptr;
  int64_t level, opt, buflen = 0;
  if (!index_to_i64(args[0], &level) || !index_to_i64(args[1], &opt)) return nullptr;
  if (nargs == 3 && !index_to_i64(args[2], &buflen)) return nullptr;
  if (buflen == 0) {
    int v = 0;
    socklen_t len = sizeof v;
    if (getsockopt(s->fd, static_cast<int>(level), static_cast<int>(opt), &v, &len) < 0) return set_os_error(errno);
    return int_from_i64(v);
  }
  if (buflen < 0 || buflen > 1024) return set_error(exc::OSError, "getsockopt buflen out of range");
  std::string buf(static_cast<size_t>(buflen), '\0');
  socklen_t len = static_cast<socklen_t>(buflen);
  if (getsockopt(s->fd, static_cast<int>(level), static_cast<int>(opt), buf.data(), &len) < 0) return set_os_error(errno);
  buf.resize(len);
  return bytes_from(buf);
}

Ref<Object> get_family(Object* self) { return int_from_i64(as_sock(self)->family); }
Ref<Object> get_type(Object* self) { return int_from_i64(as_sock(self)->type); }
Ref<Object> get_proto(Object* self) { return int_from_i64(as_sock(self)->proto); }
Ref<Object> get_timeout(Object* self) { return timeout_value(as_sock(self)->timeout); }

const MethodDef sock_methods[] = {
    {"fileno", sock_fileno},
    {"close", sock_close},
    {"detach", sock_detach},
    {"bind", sock_bind},
    {"listen", sock_listen},
    {"_accept", sock_accept},
    {"connect", sock_connect},
    {"connect_ex", sock_connect_ex},
    {"recv", sock_recv},
    {"recvfrom", sock_recvfrom},
    {"send", sock_send},
    {"sendall", sock_sendall},
    {"sendto", sock_sendto},
    {"shutdown", sock_shutdown},
    {"settimeout", sock_settimeout},
    {"gettimeout", sock_gettimeout},
    {"setblocking", sock_setblocking},
    {"getblocking", sock_getblocking},
    {"getsockname", sock_getsockname},
    {"getpeername", sock_getpeername},
    {"setsockopt", sock_setsockopt},
    {"getsockopt", sock_getsockopt},
    {nullptr},
};

const GetSetDef sock_getset[] = {
    {"family", get_family},
    {"type", get_type},
    {"proto", get_proto},
    {"timeout", get_timeout},
    {nullptr},
};

// ---- module functions ----------------------------------------------------------------------

// socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0) -> (fd, fd); socket.py wraps them.
Ref<Object> f_socketpair(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"socketpair", {"family", "type", "proto"}, 0};
  Object* a[3];
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  bool ok;
  int64_t family = int_or(a[0], AF_UNIX, &ok); if (!ok) return nullptr;
  int64_t type = int_or(a[1], SOCK_STREAM, &ok); if (!ok) return nullptr;
  int64_t proto = int_or(a[2], 0, &ok); if (!ok) return nullptr;
  int fds[2];
  if (socketpair(static_cast<int>(family), static_cast<int>(type) | SOCK_CLOEXEC, static_cast<int>(proto), fds) < 0)
    return set_os_error(errno);
  Ref<Object> x = int_from_i64(fds[0]);
  Ref<Object> y = int_from_i64(fds[1]);
  if (!x || !y) return nullptr;
  return tuple_pack({x.get(), y.get()});
}

Ref<Object> f_gethostname(Object*, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("gethostname", nargs, kw)) return nullptr;
  char buf[256];
  if (gethostname(buf, sizeof buf) < 0) return set_os_error(errno);
  buf[sizeof buf - 1] = '\0';
  return str_from(buf);
}

Ref<Object> f_gethostbyname(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("gethostbyname", kw) || !check_nargs("gethostbyname", nargs, 1, 1)) return nullptr;
  SockAddr sa;
  if (!resolve_host(args[0], AF_INET, &sa)) return nullptr;
  char buf[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&sa.storage)->sin_addr, buf, sizeof buf);
  return str_from(buf);
}

// getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)
//   -> [(family, type, proto, canonname, sockaddr), ...]
Ref<Object> f_getaddrinfo(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"getaddrinfo", {"host", "port", "family", "type", "proto", "flags"}, 2};
  Object* a[6];
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  std::string host, port;
  bool has_host = a[0] != None, has_port = a[1] != None;
  std::string_view v;
  if (has_host) {
    if (str_check(a[0])) host = std::string(str_view(a[0]));
    else if (bytes_like_view(a[0], &v)) host = std::string(v);
    else return set_error(exc::TypeError, "getaddrinfo() argument 1 must be string or None");
  }
  if (has_port) {
    if (int_check(a[1])) {
      int64_t p;
      if (!index_to_i64(a[1], &p)) return nullptr;
      port = std::to_string(p);
    } else if (str_check(a[1])) {
      port = std::string(str_view(a[1]));
    } else if (bytes_like_view(a[1], &v)) {
      port = std::string(v);
    } else {
      return set_error(exc::OSError, "Int or String expected");
    }
  }
  bool ok;
  addrinfo hints{};
  hints.ai_family = static_cast<int>(int_or(a[2], 0, &ok)); if (!ok) return nullptr;
  hints.ai_socktype = static_cast<int>(int_or(a[3], 0, &ok)); if (!ok) return nullptr;
  hints.ai_protocol = static_cast<int>(int_or(a[4], 0, &ok)); if (!ok) return nullptr;
  hints.ai_flags = static_cast<int>(int_or(a[5], 0, &ok)); if (!ok) return nullptr;
  addrinfo* res = nullptr;
  int rc;
  {
    vm::ReleaseGil nogil;
    rc = getaddrinfo(has_host ? host.c_str() : nullptr, has_port ? port.c_str() : nullptr, &hints, &res);
  }
  if (rc != 0) return raise_gai(rc);
  Ref<List> out = list_new(0);
  for (addrinfo* p = res; out && p; p = p->ai_next) {
    Ref<Object> fam = int_from_i64(p->ai_family), typ = int_from_i64(p->ai_socktype),
                pro = int_from_i64(p->ai_protocol), canon = str_from(p->ai_canonname ? p->ai_canonname : ""),
                addr = make_address(p->ai_addr, p->ai_addrlen);
    if (!fam || !typ || !pro || !canon || !addr) { out = nullptr; break; }
    Ref<Tuple> item = tuple_pack({fam.get(), typ.get(), pro.get(), canon.get(), addr.get()});
    if (!item || !list_append(out.get(), item.get())) out = nullptr;
  }
  freeaddrinfo(res);
  if (!out) return nullptr;
  return out;
}

Ref<Object> f_getdefaulttimeout(Object*, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("getdefaulttimeout", nargs, kw)) return nullptr;
  return timeout_value(g_default_timeout);
}

Ref<Object> f_setdefaulttimeout(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("setdefaulttimeout", kw) || !check_nargs("setdefaulttimeout", nargs, 1, 1)) return nullptr;
  double t;
  if (!timeout_arg(args[0], &t)) return nullptr;
  g_default_timeout = t;
  return none();
}

// Byte-order helpers: htons/ntohs on 16 bits, htonl/ntohl on 32 bits.
template <bool kShort>
Ref<Object> byte_order(const char* name, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs(name, kw) || !check_nargs(name, nargs, 1, 1)) return nullptr;
  int64_t v;
  if (!index_to_i64(args[0], &v)) return nullptr;
  if (v < 0) return set_error(exc::OverflowError, "can't convert negative value to unsigned int");
  if (kShort) {
    if (v > 0xFFFF) return set_errorf(exc::OverflowError, "%s: Python int too large to convert to C 16-bit unsigned integer", name);
    return int_from_i64(htons(static_cast<uint16_t>(v)));
  }
  if (v > 0xFFFFFFFFLL) return set_error(exc::OverflowError, "int larger than 32 bits");
  return int_from_i64(htonl(static_cast<uint32_t>(v)));
}
Ref<Object> f_htons(Object*, Object* const* a, size_t n, Tuple* k) { return byte_order<true>("htons", a, n, k); }
Ref<Object> f_ntohs(Object*, Object* const* a, size_t n, Tuple* k) { return byte_order<true>("ntohs", a, n, k); }
Ref<Object> f_htonl(Object*, Object* const* a, size_t n, Tuple* k) { return byte_order<false>("htonl", a, n, k); }
Ref<Object> f_ntohl(Object*, Object* const* a, size_t n, Tuple* k) { return byte_order<false>("ntohl", a, n, k); }

Ref<Object> f_inet_aton(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("inet_aton", kw) || !check_nargs("inet_aton", nargs, 1, 1)) return nullptr;
  if (!str_check(args[0]))
    return set_errorf(exc::TypeError, "inet_aton() argument 1 must be str, not %T", args[0]);
  std::string s(str_view(args[0]));
  in_addr addr{};
  if (inet_aton(s.c_str(), &addr) == 0)
    return set_error(exc::OSError, "illegal IP address string passed to inet_aton");
  return bytes_from(std::string_view(reinterpret_cast<const char*>(&addr), 4));
}

Ref<Object> f_inet_ntoa(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("inet_ntoa", kw) || !check_nargs("inet_ntoa", nargs, 1, 1)) return nullptr;
  std::string_view v;
  if (!data_arg(args[0], &v)) return nullptr;
  if (v.size() != 4) return set_error(exc::OSError, "packed IP wrong length for inet_ntoa");
  char buf[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, v.data(), buf, sizeof buf);
  return str_from(buf);
}

const MethodDef socket_functions[] = {
    {"socketpair", f_socketpair},
    {"gethostname", f_gethostname},
    {"gethostbyname", f_gethostbyname},
    {"getaddrinfo", f_getaddrinfo},
    {"getdefaulttimeout", f_getdefaulttimeout},
    {"setdefaulttimeout", f_setdefaulttimeout},
    {"htons", f_htons},
    {"ntohs", f_ntohs},
    {"htonl", f_htonl},
    {"ntohl", f_ntohl},
    {"inet_aton", f_inet_aton},
    {"inet_ntoa", f_inet_ntoa},
    {nullptr},
};

struct IntConstant {
  const char* name;
  long value;
};

const IntConstant kConstants[] = {
    {"AF_UNSPEC", AF_UNSPEC}, {"AF_INET", AF_INET}, {"AF_INET6", AF_INET6}, {"AF_UNIX", AF_UNIX},
    {"SOCK_STREAM", SOCK_STREAM}, {"SOCK_DGRAM", SOCK_DGRAM}, {"SOCK_RAW", SOCK_RAW},
    {"SOCK_NONBLOCK", SOCK_NONBLOCK}, {"SOCK_CLOEXEC", SOCK_CLOEXEC},
    {"SOL_SOCKET", SOL_SOCKET}, {"SO_REUSEADDR", SO_REUSEADDR}, {"SO_REUSEPORT", SO_REUSEPORT},
    {"SO_KEEPALIVE", SO_KEEPALIVE}, {"SO_BROADCAST", SO_BROADCAST}, {"SO_ERROR", SO_ERROR},
    {"SO_TYPE", SO_TYPE}, {"SO_RCVBUF", SO_RCVBUF}, {"SO_SNDBUF", SO_SNDBUF}, {"SO_LINGER", SO_LINGER},
    {"IPPROTO_TCP", IPPROTO_TCP}, {"IPPROTO_UDP", IPPROTO_UDP}, {"IPPROTO_IP", IPPROTO_IP},
    {"IPPROTO_IPV6", IPPROTO_IPV6}, {"TCP_NODELAY", TCP_NODELAY}, {"IPV6_V6ONLY", IPV6_V6ONLY},
    {"SHUT_RD", SHUT_RD}, {"SHUT_WR", SHUT_WR}, {"SHUT_RDWR", SHUT_RDWR},
    {"MSG_PEEK", MSG_PEEK}, {"MSG_DONTWAIT", MSG_DONTWAIT}, {"MSG_WAITALL", MSG_WAITALL},
    {"AI_PASSIVE", AI_PASSIVE}, {"AI_CANONNAME", AI_CANONNAME}, {"AI_NUMERICHOST", AI_NUMERICHOST},
    {"AI_NUMERICSERV", AI_NUMERICSERV}, {"AI_ADDRCONFIG", AI_ADDRCONFIG},
    {"EAI_NONAME", EAI_NONAME}, {"EAI_AGAIN", EAI_AGAIN}, {"EAI_FAIL", EAI_FAIL},
    {"INADDR_ANY", static_cast<long>(INADDR_ANY)}, {"INADDR_LOOPBACK", static_cast<long>(INADDR_LOOPBACK)},
    {"SOMAXCONN", SOMAXCONN},
};

bool init_socket_type() {
  static bool ready = false;
  if (ready) return true;
  TypeObject& t = SocketType;
  t.type = &TypeType;
  t.base = &ObjectType;
  t.name = "_socket.socket";
  t.doc = "socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None) -> socket object";
  t.basic_size = sizeof(SocketObj);
  t.flags = kBaseType;
  t.dealloc = sock_dealloc;
  t.new_ = sock_new;
  t.init = sock_init;
  t.methods = sock_methods;
  t.getset = sock_getset;
  if (!type_ready(&t)) return false;
  ready = true;
  return true;
}

// socket.gaierror / socket.herror: OSError subclasses made like a class statement.
Ref<Object> make_error_class(const char* name) {
  Ref<Object> n = str_from(name);
  Ref<Object> bases = tuple_pack({exc::OSError});
  Ref<Dict> ns = dict_new();
  if (!n || !bases || !ns || dict_set_str(ns.get(), "__module__", str_from("socket").get()) < 0) return nullptr;
  Object* args[3] = {n.get(), bases.get(), ns.get()};
  return call(&TypeType, args, 3);
}

}  // namespace

Ref<Object> make__socket_module() {
  if (!init_socket_type()) return nullptr;
  Ref<Object> m = module_new_builtin("_socket");
  if (!m || !module_add_functions(m.get(), socket_functions) ||
      !module_add_object(m.get(), "socket", &SocketType) ||
      !module_add_object(m.get(), "SocketType", &SocketType) ||
      !module_add_object(m.get(), "error", exc::OSError) ||
      !module_add_object(m.get(), "timeout", exc::TimeoutError))
    return nullptr;
  if (!g_gaierror) g_gaierror = make_error_class("gaierror");
  Ref<Object> herror = make_error_class("herror");
  if (!g_gaierror || !herror || !module_add_object(m.get(), "gaierror", g_gaierror.get()) ||
      !module_add_object(m.get(), "herror", herror.get()))
    return nullptr;
  for (const IntConstant& c : kConstants) {
    Ref<Object> v = int_from_i64(c.value);
    if (!v || !module_add_object(m.get(), c.name, v.get())) return nullptr;
  }
  return m;
}

}  // namespace coil::runtime
