// One error type for every layer: stores, services and routes return Result<T>, and the HTTP
// layer renders an Error as problem+json (RFC 9457). Exceptions are kept for programmer errors.
#pragma once
#include <expected>
#include <string>
#include <utility>
#include <vector>

namespace trellis {

enum class ErrorKind {
  bad_request,            // 400: the request cannot be read (bad JSON, wrong shape)
  unauthenticated,        // 401: not signed in, or wrong credentials
  forbidden,              // 403: signed in but not allowed
  not_found,              // 404
  method_not_allowed,     // 405
  conflict,               // 409: duplicate, or a stale version
  payload_too_large,      // 413
  unprocessable,          // 422: well-formed but a field's value is not acceptable
  precondition_required,  // 428: If-Match needed
  too_many_requests,      // 429
  headers_too_large,      // 431
  unavailable,            // 503: the database or the server is not ready
  internal,               // 500: a fault of ours; the message never leaks detail
};

struct FieldError {
  std::string field;  // JSON pointer-ish path, e.g. "email" or "teams[1]"
  std::string message;
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string title;   // short, stable, e.g. "Check the highlighted fields"
  std::string detail;  // what to do about it, in plain words
  std::vector<FieldError> fields;
  std::string code;  // machine-readable reason, e.g. "unique_violation", "stale_version"
  int retry_after_seconds = 0;
  bool retryable = false;  // a transaction hit a serialization failure or lock: try again

  static Error make(ErrorKind kind, std::string title, std::string detail = {}, std::string code = {}) {
    Error e;
    e.kind = kind;
    e.title = std::move(title);
    e.detail = std::move(detail);
    e.code = std::move(code);
    return e;
  }
  static Error field(ErrorKind kind, std::string field, std::string message) {
    Error e =
        make(kind, kind == ErrorKind::bad_request ? "The request could not be read" : "Check the highlighted fields",
             field + ": " + message, "invalid_field");
    e.fields.push_back({std::move(field), std::move(message)});
    return e;
  }
};

int http_status(ErrorKind kind);

// 422 invalid_fields naming each field to fix: what a body gets when its fields break their
// rules, whether the schema (core/schema) or a reader found it.
Error invalid_fields(std::vector<FieldError> fields);

template <typename T = void>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(Error e) { return std::unexpected<Error>(std::move(e)); }
inline std::unexpected<Error> fail(ErrorKind kind, std::string title, std::string detail = {}, std::string code = {}) {
  return std::unexpected<Error>(Error::make(kind, std::move(title), std::move(detail), std::move(code)));
}

}  // namespace trellis

// Propagates an error from an expression returning Result<...>; yields its value otherwise.
#define TRY(expr)                                                           \
  ({                                                                        \
    auto&& _trellis_r = (expr);                                             \
    if (!_trellis_r) return std::unexpected(std::move(_trellis_r.error())); \
    std::move(*_trellis_r);                                                 \
  })
#define TRY_VOID(expr)                                                      \
  do {                                                                      \
    auto&& _trellis_r = (expr);                                             \
    if (!_trellis_r) return std::unexpected(std::move(_trellis_r.error())); \
  } while (0)
