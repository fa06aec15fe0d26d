// args.cpp — binding vectorcall arguments to a native function's parameters.
//
// This is CPython 3.11's _PyArg_UnpackKeywords (the Argument Clinic
// parser) in small: positional arguments fill the leading parameters, each
// keyword is matched by name (pointer compare first, since keyword names
// are interned), and the errors carry Clinic's exact wording.
#include "runtime/args.h"

#include <cstring>

#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil::runtime {

namespace {

// Index of keyword `kw` among the keyword-capable params, or -1.
long find_param(const ArgSpec& spec, Str* kw) {
  std::string_view name = kw->view();
  size_t i = 0;
  for (const char* p : spec.params) {
    if (i >= spec.positional_only && name == p) return static_cast<long>(i);
    i++;
  }
  return -1;
}

}  // namespace

bool bind_args(const ArgSpec& spec, Object* const* args, size_t nargs, Tuple* kwnames,
               Object** out) {
  const size_t nparams = spec.params.size();
  const size_t maxpos = spec.keyword_only_from < nparams ? spec.keyword_only_from : nparams;
  const size_t nkw = kwnames ? kwnames->size : 0;
  for (size_t i = 0; i < nparams; i++) out[i] = nullptr;

  if (nargs + nkw > nparams) {
    set_errorf(exc::TypeError, "%.200s() takes at most %zu %sargument%s (%zu given)", spec.fname,
               nparams, nargs == 0 ? "keyword " : "", nparams == 1 ? "" : "s", nargs + nkw);
    return false;
  }
  if (nargs > maxpos) {
    if (maxpos == 0) {
      set_errorf(exc::TypeError, "%.200s() takes no positional arguments", spec.fname);
    } else {
      set_errorf(exc::TypeError, "%.200s() takes %s %zu positional argument%s (%zu given)",
                 spec.fname, spec.required < maxpos ? "at most" : "exactly", maxpos,
                 maxpos == 1 ? "" : "s", nargs);
    }
    return false;
  }
  for (size_t i = 0; i < nargs; i++) out[i] = args[i];

  for (size_t k = 0; k < nkw; k++) {
    Str* kw = static_cast<Str*>(kwnames->items[k]);
    long idx = find_param(spec, kw);
    if (idx < 0) {
      set_errorf(exc::TypeError, "'%U' is an invalid keyword argument for %.200s()", kw,
                 spec.fname);
      return false;
    }
    if (out[idx]) {
      set_errorf(exc::TypeError, "argument for %.200s() given by name ('%U') and position (%ld)",
                 spec.fname, kw, idx + 1);
      return false;
    }
    out[idx] = args[nargs + k];
  }

  size_t i = 0;
  for (const char* p : spec.params) {
    if (i >= spec.required) break;
    if (!out[i]) {
      set_errorf(exc::TypeError, "%.200s() missing required argument '%s' (pos %zu)", spec.fname,
                 p, i + 1);
      return false;
    }
    i++;
  }
  return true;
}

bool check_no_args(const char* qualname, size_t nargs, Tuple* kwnames) {
  size_t given = nargs + (kwnames ? kwnames->size : 0);
  if (given == 0) return true;
  set_errorf(exc::TypeError, "%s() takes no arguments (%zd given)", qualname, static_cast<ssize_t>(given));
  return false;
}

bool check_no_kwargs(const char* fname, Tuple* kwnames) {
  if (!kwnames || kwnames->size == 0) return true;
  set_errorf(exc::TypeError, "%.200s() takes no keyword arguments", fname);
  return false;
}

bool check_nargs(const char* fname, size_t nargs, size_t min, size_t max) {
  if (nargs < min) {
    set_errorf(exc::TypeError, "%.200s expected %s%zu argument%s, got %zu", fname,
               min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
    return false;
  }
  if (nargs > max) {
    set_errorf(exc::TypeError, "%.200s expected %s%zu argument%s, got %zu", fname,
               min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
    return false;
  }
  return true;
}

}  // namespace coil::runtime
