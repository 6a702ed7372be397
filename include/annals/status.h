// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Errors as values at the library boundary.
//
// Every public function that can fail returns a `Status` (no value) or a `Result<T>` (a value or a
// status). No exception crosses the public API. The CLI maps a `Status` to an exit code and a
// one-line message; the server maps it to an HTTP status.
//
//   annals::Result<Document> doc = ReadOne(path);
//   if (!doc.ok()) return doc.status();
//   Use(*doc);
//
// Thread-safety: values; copy freely.
#ifndef ANNALS_STATUS_H_
#define ANNALS_STATUS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace annals {

// What went wrong, coarsely: enough for a caller to decide what to do (retry, reject the record,
// report a usage error) without parsing the message.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,   // The caller passed something unusable (bad flag value, bad parameter).
  kNotFound,          // A file, record or key does not exist.
  kDataLoss,          // Input is corrupt or truncated (bad gzip member, invalid UTF-8, bad JSON).
  kUnimplemented,     // A format or feature this build does not support.
  kFailedPrecondition,// The operation cannot run in the current state (e.g. model not loaded).
  kIoError,           // The operating system refused a read or write.
  kInternal,          // A bug in Annals.
};

// Returns a stable lower-case name for `code` ("invalid_argument", ...), used in JSON output.
std::string_view StatusCodeName(StatusCode code);

// A success or an error with a code and a human-readable one-line message. The message names
// what failed and why ("samples/a.jsonl:12: invalid JSON: missing closing quote").
class [[nodiscard]] Status {
 public:
  // Success.
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "ok" or "<code name>: <message>".
  std::string ToString() const;

  // Returns a copy whose message is prefixed with `context` and ": ", e.g. the file name.
  Status WithContext(std::string_view context) const;

  friend bool operator==(const Status& a, const Status& b) {
    return a.code_ == b.code_ && a.message_ == b.message_;
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Shorthands that read well at the call site: `return InvalidArgumentError("bad --format");`.
Status InvalidArgumentError(std::string message);
Status NotFoundError(std::string message);
Status DataLossError(std::string message);
Status UnimplementedError(std::string message);
Status FailedPreconditionError(std::string message);
Status IoError(std::string message);
Status InternalError(std::string message);

// A value of type T or an error `Status`. Accessing the value of an error result is a bug
// (checked by an assertion in debug builds).
template <typename T>
class [[nodiscard]] Result {
 public:
  // Implicit so that functions can `return value;` or `return status;`.
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : status_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    if (status_.ok()) status_ = InternalError("Result constructed from an OK status");
  }

  bool ok() const { return value_.has_value(); }
  // OK when a value is held.
  const Status& status() const { return status_; }

  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const T& operator*() const& { return *value_; }
  T& operator*() & { return *value_; }
  T&& operator*() && { return std::move(*value_); }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace annals

// Returns early from the enclosing function when `expr` (a Status) is not OK.
#define ANNALS_RETURN_IF_ERROR(expr)              \
  do {                                            \
    ::annals::Status annals_status_ = (expr);     \
    if (!annals_status_.ok()) return annals_status_; \
  } while (false)

#endif  // ANNALS_STATUS_H_
