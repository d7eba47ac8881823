#include "core/error.hpp"

namespace trellis {

int http_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::bad_request:
      return 400;
    case ErrorKind::unauthenticated:
      return 401;
    case ErrorKind::forbidden:
      return 403;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::method_not_allowed:
      return 405;
    case ErrorKind::conflict:
      return 409;
    case ErrorKind::payload_too_large:
      return 413;
    case ErrorKind::unprocessable:
      return 422;
    case ErrorKind::precondition_required:
      return 428;
    case ErrorKind::too_many_requests:
      return 429;
    case ErrorKind::headers_too_large:
      return 431;
    case ErrorKind::unavailable:
      return 503;
    case ErrorKind::internal:
      return 500;
  }
  return 500;
}

Error invalid_fields(std::vector<FieldError> fields) {
  Error e;
  e.kind = ErrorKind::unprocessable;
  e.title = "Check the highlighted fields";
  e.code = "invalid_fields";
  for (const auto& f : fields) e.detail += (e.detail.empty() ? "" : "; ") + f.field + " " + f.message;
  e.detail += ".";
  e.fields = std::move(fields);
  return e;
}

}  // namespace trellis
