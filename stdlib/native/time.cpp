// time.cpp — the `time` module: clocks, sleep and calendar conversions.
//
// The clocks map onto clock_gettime(): time() is CLOCK_REALTIME,
// monotonic()/perf_counter() CLOCK_MONOTONIC, process_time()
// CLOCK_PROCESS_CPUTIME_ID, thread_time() CLOCK_THREAD_CPUTIME_ID; each
// has an _ns twin returning an int of nanoseconds.
//
// struct_time is a tuple subclass, like CPython's structseq: len() is 9,
// and two more fields (tm_zone, tm_gmtoff) hide past the visible items and
// are reached only as attributes.  The tuple's size says 9; the allocation
// has room for 11 and the type's dealloc releases the hidden two.
//
// sleep() is a blocking call: the wait happens in sleep_for() below, which
// releases the GIL (vm/gil.h) and runs signal handlers when interrupted.
#include <errno.h>
#include <time.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/sequtil.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native/modules.h"
#include "stdlib/native/signals.h"
#include "vm/gil.h"

namespace coil::runtime {

TypeObject StructTimeType;

namespace {

constexpr size_t kVisibleFields = 9;
constexpr size_t kAllFields = 11;   // + tm_zone, tm_gmtoff

const char* const kFieldNames[kAllFields] = {
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
    "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"};

// ---- clocks ----------------------------------------------------------------------------

int64_t clock_ns(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

Ref<Object> clock_float(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return float_from_double(static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9);
}

bool no_args(const char* fname, size_t nargs, Tuple* kwnames) {
  return check_no_kwargs(fname, kwnames) && check_nargs(fname, nargs, 0, 0);
}

#define COIL_CLOCK_FUNCS(pyname, clock)                                                  \
  Ref<Object> time_##pyname(Object*, Object* const*, size_t nargs, Tuple* kwnames) {    \
    if (!no_args(#pyname, nargs, kwnames)) return nullptr;                               \
    return clock_float(clock);                                                           \
  }                                                                                      \
  Ref<Object> time_##pyname##_ns(Object*, Object* const*, size_t nargs, Tuple* kwnames) { \
    if (!no_args(#pyname "_ns", nargs, kwnames)) return nullptr;                         \
    return int_from_i64(clock_ns(clock));                                                \
  }

COIL_CLOCK_FUNCS(time, CLOCK_REALTIME)
COIL_CLOCK_FUNCS(monotonic, CLOCK_MONOTONIC)
COIL_CLOCK_FUNCS(perf_counter, CLOCK_MONOTONIC)
COIL_CLOCK_FUNCS(process_time, CLOCK_PROCESS_CPUTIME_ID)
COIL_CLOCK_FUNCS(thread_time, CLOCK_THREAD_CPUTIME_ID)
#undef COIL_CLOCK_FUNCS

// ---- sleep -----------------------------------------------------------------------------

// Seconds as a double from a float or an __index__ object (CPython's
// _PyTime_FromSecondsObject accepts exactly those).
bool seconds_arg(Object* o, double* out) {
  if (float_check(o)) {
    *out = float_value(o);
    if (std::isnan(*out)) { set_error(exc::ValueError, "Invalid value NaN (not a number)"); return false; }
    return true;
  }
  Ref<Object> i = index(o);
  if (!i) return false;
  bool overflow = false;
  *out = int_to_double(i.get(), &overflow);
  if (overflow) { set_error(exc::OverflowError, "timestamp too large to convert to C _PyTime_t"); return false; }
  return true;
}

bool sleep_for(double secs) {
  struct timespec req;
  req.tv_sec = static_cast<time_t>(secs);
  req.tv_nsec = static_cast<long>((secs - static_cast<double>(req.tv_sec)) * 1e9);
  for (;;) {
    int rc, err;
    {
      vm::ReleaseGil nogil;   // other threads run while this one sleeps
      rc = nanosleep(&req, &req);
      err = errno;
    }
    if (rc == 0) return true;
    if (err != EINTR) {
      set_errorf(exc::OSError, "[Errno %d] %s", err, std::strerror(err));
      return false;
    }
    // A signal: its Python handler runs now (and may raise KeyboardInterrupt).
    if (!signals_run_pending()) return false;
  }
}

Ref<Object> time_sleep(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("time.sleep", kwnames)) return nullptr;
  if (nargs != 1)
    return set_errorf(exc::TypeError, "time.sleep() takes exactly one argument (%zu given)", nargs);
  double secs;
  if (!seconds_arg(args[0], &secs)) return nullptr;
  if (secs < 0) return set_error(exc::ValueError, "sleep length must be non-negative");
  if (!sleep_for(secs)) return nullptr;
  return none();
}

// ---- struct_time ---------------------------------------------------------------------

Tuple* struct_time_alloc() {
  size_t extra = (kAllFields - 1) * sizeof(Object*);
  Tuple* t = alloc_instance<Tuple>(&StructTimeType, &TupleType, extra);
  if (!t) return nullptr;
  for (size_t i = 0; i < kAllFields; i++) t->items[i] = nullptr;
  t->size = kVisibleFields;
  return t;
}

// Builds a struct_time from a C struct tm (Python's conventions: months
// and days of the year from 1, Monday = 0).
Ref<Object> struct_time_from_tm(const struct tm& tm) {
  Ref<Tuple> t = steal(struct_time_alloc());
  if (!t) return nullptr;
  const int64_t values[kVisibleFields] = {
      tm.tm_year + 1900LL, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
      tm.tm_sec, (tm.tm_wday + 6) % 7, tm.tm_yday + 1, tm.tm_isdst};
  for (size_t i = 0; i < kVisibleFields; i++) {
    Ref<Object> v = int_from_i64(values[i]);
    if (!v) return nullptr;
    t->items[i] = v.release();
  }
  Ref<Object> zone = tm.tm_zone ? Ref<Object>(str_from(tm.tm_zone)) : none();
  Ref<Object> gmtoff = int_from_i64(tm.tm_gmtoff);
  if (!zone || !gmtoff) return nullptr;
  t->items[9] = zone.release();
  t->items[10] = gmtoff.release();
  return t;
}

void struct_time_dealloc(Object* self) {
  Tuple* t = static_cast<Tuple*>(self);
  for (size_t i = kVisibleFields; i < kAllFields; i++) xdecref(t->items[i]);
  TupleType.dealloc(self);
}

Ref<Object> struct_time_repr(Object* self) {
  Tuple* t = static_cast<Tuple*>(self);
  std::string s = "time.struct_time(";
  for (size_t i = 0; i < kVisibleFields; i++) {
    std::string item;
    if (!repr_utf8(t->items[i], &item)) return nullptr;
    if (i > 0) s += ", ";
    s += kFieldNames[i];
    s += '=';
    s += item;
  }
  return str_from(s + ")");
}

// struct_time(sequence): 9 to 11 items; missing hidden fields are None.
Ref<Object> struct_time_new(TypeObject*, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"struct_time", {"sequence", "dict"}, 1};
  Object* a[2];
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<Object> seq = sequence_to_tuple(a[0]);
  if (!seq) return nullptr;
  Tuple* items = static_cast<Tuple*>(seq.get());
  if (items->size < kVisibleFields)
    return set_errorf(exc::TypeError, "time.struct_time() takes an at least 9-sequence (%zu-sequence given)",
                      items->size);
  if (items->size > kAllFields)
    return set_errorf(exc::TypeError, "time.struct_time() takes an at most 11-sequence (%zu-sequence given)",
                      items->size);
  Ref<Tuple> t = steal(struct_time_alloc());
  if (!t) return nullptr;
  for (size_t i = 0; i < kAllFields; i++) {
    Object* v = i < items->size ? items->items[i] : None;
    incref(v);
    t->items[i] = v;
  }
  return t;
}

template <size_t I>
Ref<Object> struct_time_field(Object* self) {
  return borrow(static_cast<Tuple*>(self)->items[I]);
}

const GetSetDef struct_time_getset[] = {
    {"tm_year", struct_time_field<0>, nullptr, "year, for example, 1993"},
    {"tm_mon", struct_time_field<1>, nullptr, "month of year, range [1, 12]"},
    {"tm_mday", struct_time_field<2>, nullptr, "day of month, range [1, 31]"},
    {"tm_hour", struct_time_field<3>, nullptr, "hours, range [0, 23]"},
    {"tm_min", struct_time_field<4>, nullptr, "minutes, range [0, 59]"},
    {"tm_sec", struct_time_field<5>, nullptr, "seconds, range [0, 61])"},
    {"tm_wday", struct_time_field<6>, nullptr, "day of week, range [0, 6], Monday is 0"},
    {"tm_yday", struct_time_field<7>, nullptr, "day of year, range [1, 366]"},
    {"tm_isdst", struct_time_field<8>, nullptr, "1 if summer time is in effect, 0 if not, and -1 if unknown"},
    {"tm_zone", struct_time_field<9>, nullptr, "abbreviation of timezone name"},
    {"tm_gmtoff", struct_time_field<10>, nullptr, "offset from UTC in seconds"},
    {nullptr},
};

bool init_struct_time_type() {
  if (type_has(&StructTimeType, kReady)) return true;
  TypeObject& t = StructTimeType;
  t.type = &TypeType;
  t.name = "time.struct_time";
  t.doc = "The time value as returned by gmtime(), localtime(), and strptime()";
  t.flags = kTupleSubclass | kHaveGC;
  t.base = &TupleType;
  t.basic_size = sizeof(Tuple);
  t.item_size = sizeof(Object*);
  t.dealloc = struct_time_dealloc;
  t.repr = struct_time_repr;
  t.new_ = struct_time_new;
  t.getset = struct_time_getset;
  return type_ready(&StructTimeType);
}

// ---- conversions ---------------------------------------------------------------------

// A timestamp argument (None: now), floored to whole seconds.
bool time_t_arg(Object* o, time_t* out) {
  if (!o || o == None) {
    *out = ::time(nullptr);
    return true;
  }
  double secs;
  if (float_check(o)) {
    secs = std::floor(float_value(o));
    if (std::isnan(secs)) { set_error(exc::ValueError, "Invalid value NaN (not a number)"); return false; }
  } else {
    Ref<Object> i = index(o);
    if (!i) return false;
    int64_t v;
    if (!int_fits_i64(i.get(), &v)) {
      set_error(exc::OverflowError, "timestamp out of range for platform time_t");
      return false;
    }
    *out = static_cast<time_t>(v);
    return true;
  }
  if (secs < -9.2e18 || secs > 9.2e18) {
    set_error(exc::OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  *out = static_cast<time_t>(secs);
  return true;
}

Ref<Object> convert_time(Object* const* args, size_t nargs, Tuple* kwnames, const char* fname, bool local) {
  if (!check_no_kwargs(fname, kwnames) || !check_nargs(fname, nargs, 0, 1)) return nullptr;
  time_t t;
  if (!time_t_arg(nargs ? args[0] : nullptr, &t)) return nullptr;
  struct tm tm;
  if (!(local ? localtime_r(&t, &tm) : gmtime_r(&t, &tm))) {
    set_error(exc::OverflowError, "timestamp out of range for platform time_t");
    return nullptr;
  }
  return struct_time_from_tm(tm);
}

Ref<Object> time_gmtime(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  return convert_time(args, nargs, kwnames, "gmtime", false);
}

Ref<Object> time_localtime(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  return convert_time(args, nargs, kwnames, "localtime", true);
}

// A 9-tuple or struct_time to struct tm (CPython's gettmarg).
bool tm_from_tuple(Object* o, const char* fname, struct tm* tm) {
  if (!tuple_check(o)) {
    set_error(exc::TypeError, "Tuple or struct_time argument required");
    return false;
  }
  Tuple* t = static_cast<Tuple*>(o);
  if (t->size != kVisibleFields) {
    set_errorf(exc::TypeError, "%s(): illegal time tuple argument", fname);
    return false;
  }
  int64_t v[kVisibleFields];
  for (size_t i = 0; i < kVisibleFields; i++) {
    if (!int_check(t->items[i])) {
      set_errorf(exc::TypeError, "'%T' object cannot be interpreted as an integer", t->items[i]);
      return false;
    }
    if (!int_to_i64(t->items[i], &v[i])) return false;
  }
  std::memset(tm, 0, sizeof *tm);
  tm->tm_year = static_cast<int>(v[0] - 1900);
  tm->tm_mon = static_cast<int>(v[1] - 1);
  tm->tm_mday = static_cast<int>(v[2]);
  tm->tm_hour = static_cast<int>(v[3]);
  tm->tm_min = static_cast<int>(v[4]);
  tm->tm_sec = static_cast<int>(v[5]);
  tm->tm_wday = static_cast<int>((v[6] + 1) % 7);
  tm->tm_yday = static_cast<int>(v[7] - 1);
  tm->tm_isdst = static_cast<int>(v[8]);
  if (type_of(o) == &StructTimeType && t->items[9] != None && str_check(t->items[9])) {
    tm->tm_zone = static_cast<Str*>(t->items[9])->data;   // valid while `o` lives
    int64_t off;
    if (int_check(t->items[10]) && int_fits_i64(t->items[10], &off)) tm->tm_gmtoff = off;
  }
  return true;
}

// The range checks strftime() and asctime() apply (checktm), with
// CPython's "0 means the smallest value" leniency for strftime.
bool check_tm(struct tm* tm, bool lenient) {
  if (lenient) {
    if (tm->tm_mon == -1) tm->tm_mon = 0;
    if (tm->tm_mday == 0) tm->tm_mday = 1;
    if (tm->tm_yday == -1) tm->tm_yday = 0;
  }
  const char* err = nullptr;
  if (tm->tm_mon < 0 || tm->tm_mon > 11) err = "month out of range";
  else if (tm->tm_mday < 1 || tm->tm_mday > 31) err = "day of month out of range";
  else if (tm->tm_hour < 0 || tm->tm_hour > 23) err = "hour out of range";
  else if (tm->tm_min < 0 || tm->tm_min > 59) err = "minute out of range";
  else if (tm->tm_sec < 0 || tm->tm_sec > 61) err = "seconds out of range";
  else if (tm->tm_wday < 0) err = "day of week out of range";
  else if (tm->tm_yday < 0 || tm->tm_yday > 365) err = "day of year out of range";
  if (err) {
    set_error(exc::ValueError, err);
    return false;
  }
  return true;
}

// The tuple argument at `i`, or localtime(now) when absent/None.
bool tm_arg(Object* const* args, size_t nargs, size_t i, const char* fname, struct tm* tm,
            Ref<Object>* keep) {
  if (nargs > i && args[i] != None) {
    *keep = borrow(args[i]);
    return tm_from_tuple(args[i], fname, tm);
  }
  time_t now = ::time(nullptr);
  localtime_r(&now, tm);
  return true;
}

Ref<Object> time_strftime(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("strftime", kwnames) || !check_nargs("strftime", nargs, 1, 2)) return nullptr;
  if (!str_check(args[0]))
    return set_errorf(exc::TypeError, "strftime() argument 1 must be str, not %T", args[0]);
  struct tm tm;
  Ref<Object> keep;
  if (!tm_arg(args, nargs, 1, "strftime", &tm, &keep) || !check_tm(&tm, true)) return nullptr;
  std::string fmt(str_view(args[0]));
  if (fmt.empty()) return str_from("");
  // strftime() returns 0 both for "too small" and for an empty result, so
  // grow the buffer a few times, as CPython does.
  for (size_t size = 256; size <= 256 * fmt.size() + 1024; size *= 2) {
    std::string buf(size, '\0');
    size_t n = ::strftime(buf.data(), size, fmt.c_str(), &tm);
    if (n > 0 || size > 256 * fmt.size()) return str_decode_utf8({buf.data(), n}, "surrogateescape");
  }
  return str_from("");
}

std::string asctime_text(const struct tm& tm) {
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %d", kDays[tm.tm_wday % 7],
                kMonths[tm.tm_mon % 12], tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                1900 + tm.tm_year);
  return buf;
}

Ref<Object> time_asctime(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("asctime", kwnames) || !check_nargs("asctime", nargs, 0, 1)) return nullptr;
  struct tm tm;
  Ref<Object> keep;
  if (!tm_arg(args, nargs, 0, "asctime", &tm, &keep) || !check_tm(&tm, false)) return nullptr;
  return str_from(asctime_text(tm));
}

Ref<Object> time_ctime(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("ctime", kwnames) || !check_nargs("ctime", nargs, 0, 1)) return nullptr;
  time_t t;
  if (!time_t_arg(nargs ? args[0] : nullptr, &t)) return nullptr;
  struct tm tm;
  if (!localtime_r(&t, &tm)) return set_error(exc::OverflowError, "timestamp out of range for platform time_t");
  return str_from(asctime_text(tm));
}

Ref<Object> time_mktime(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("mktime", kwnames) || !check_nargs("mktime", nargs, 1, 1)) return nullptr;
  struct tm tm;
  if (!tm_from_tuple(args[0], "mktime", &tm)) return nullptr;
  tm.tm_wday = -1;   // mktime() sets it on success
  time_t t = ::mktime(&tm);
  if (t == static_cast<time_t>(-1) && tm.tm_wday == -1)
    return set_error(exc::OverflowError, "mktime argument out of range");
  return float_from_double(static_cast<double>(t));
}

const MethodDef time_functions[] = {
    {"time", time_time, MethodKind::Instance, "Return the current time in seconds since the Epoch."},
    {"time_ns", time_time_ns, MethodKind::Instance, "Return the current time in nanoseconds since the Epoch."},
    {"monotonic", time_monotonic, MethodKind::Instance, "Monotonic clock, cannot go backward."},
    {"monotonic_ns", time_monotonic_ns, MethodKind::Instance, "Monotonic clock, cannot go backward, as nanoseconds."},
    {"perf_counter", time_perf_counter, MethodKind::Instance, "Performance counter for benchmarking."},
    {"perf_counter_ns", time_perf_counter_ns, MethodKind::Instance, "Performance counter for benchmarking as nanoseconds."},
    {"process_time", time_process_time, MethodKind::Instance, "Process time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", time_process_time_ns, MethodKind::Instance, "Process time for profiling as nanoseconds."},
    {"thread_time", time_thread_time, MethodKind::Instance, "Thread time for profiling."},
    {"thread_time_ns", time_thread_time_ns, MethodKind::Instance, "Thread time for profiling as nanoseconds."},
    {"sleep", time_sleep, MethodKind::Instance, "Delay execution for a given number of seconds."},
    {"gmtime", time_gmtime, MethodKind::Instance, "Convert seconds since the Epoch to a time tuple expressing UTC."},
    {"localtime", time_localtime, MethodKind::Instance, "Convert seconds since the Epoch to a time tuple expressing local time."},
    {"mktime", time_mktime, MethodKind::Instance, "Convert a time tuple in local time to seconds since the Epoch."},
    {"strftime", time_strftime, MethodKind::Instance, "Convert a time tuple to a string according to a format specification."},
    {"asctime", time_asctime, MethodKind::Instance, "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."},
    {"ctime", time_ctime, MethodKind::Instance, "Convert a time in seconds since the Epoch to a string in local time."},
    {nullptr},
};

// timezone, altzone, daylight and tzname from the C library after tzset().
bool add_timezone_info(Dict* d) {
  ::tzset();
  Ref<Object> tz = int_from_i64(::timezone);
  Ref<Object> alt = int_from_i64(::daylight ? ::timezone - 3600 : ::timezone);
  Ref<Object> daylight = int_from_i64(::daylight);
  Ref<Object> n0 = str_from(::tzname[0]);
  Ref<Object> n1 = str_from(::tzname[1]);
  if (!tz || !alt || !daylight || !n0 || !n1) return false;
  Ref<Tuple> names = tuple_pack({n0.get(), n1.get()});
  return names && dict_set_str(d, "timezone", tz.get()) == 0 &&
         dict_set_str(d, "altzone", alt.get()) == 0 &&
         dict_set_str(d, "daylight", daylight.get()) == 0 &&
         dict_set_str(d, "tzname", names.get()) == 0;
}

}  // namespace

Ref<Object> make_time_module() {
  if (!init_struct_time_type()) return nullptr;
  Ref<Object> m = module_new_builtin("time");   // <module 'time' (built-in)>
  if (!m || !module_add_functions(m.get(), time_functions)) return nullptr;
  Dict* d = module_dict(m.get());
  if (dict_set_str(d, "struct_time", &StructTimeType) < 0) return nullptr;
  if (!add_timezone_info(d)) return nullptr;
  return m;
}

}  // namespace coil::runtime
