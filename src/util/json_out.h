// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal: a small streaming JSON writer for records printed in bulk (`annals analyze`, `annals
// code`), where building an nlohmann::json tree first costs more than the rest of the output.
// Writes compact JSON (no spaces) into a string: keys in the order written, strings with invalid
// UTF-8 repaired (U+FFFD) and control characters escaped, doubles in their shortest round-trip
// form with a ".0" on integral values (as nlohmann::json writes them), NaN and infinities as null.
//
//   util::JsonOut out;
//   out.BeginObject();
//   out.Key("id").String(doc.id);
//   out.Key("span").BeginArray().Int(b).Int(e).EndArray();
//   out.EndObject();
//   fwrite(out.str().data(), 1, out.str().size(), stdout);
//
// Commas are placed by the writer; a Key must be followed by exactly one value. Misuse (a value
// without a key inside an object) gives invalid JSON, never a crash.
#ifndef ANNALS_UTIL_JSON_OUT_H_
#define ANNALS_UTIL_JSON_OUT_H_

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/text.h"

namespace annals::util {

class JsonOut {
 public:
  JsonOut& BeginObject() { return Open('{'); }
  JsonOut& EndObject() { return Close('}'); }
  JsonOut& BeginArray() { return Open('['); }
  JsonOut& EndArray() { return Close(']'); }

  JsonOut& Key(std::string_view key) {
    Separate();
    AppendString(key);
    out_ += ':';
    after_key_ = true;
    return *this;
  }
  JsonOut& String(std::string_view s) {
    Separate();
    AppendString(s);
    return *this;
  }
  JsonOut& Int(int64_t v) {
    Separate();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
    return *this;
  }
  JsonOut& Double(double v) {
    Separate();
    if (!std::isfinite(v)) {
      out_ += "null";
      return *this;
    }
    AppendDouble(v);
    return *this;
  }
  JsonOut& Bool(bool v) {
    Separate();
    out_ += v ? "true" : "false";
    return *this;
  }
  JsonOut& Null() {
    Separate();
    out_ += "null";
    return *this;
  }
  // An array of strings.
  JsonOut& Strings(const std::vector<std::string>& v) {
    BeginArray();
    for (const std::string& s : v) String(s);
    return EndArray();
  }

  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }
  // Room for `bytes` more output without reallocation.
  void Reserve(size_t bytes) { out_.reserve(out_.size() + bytes); }

 private:
  JsonOut& Open(char c) {
    Separate();
    out_ += c;
    first_.push_back(true);
    return *this;
  }
  JsonOut& Close(char c) {
    out_ += c;
    if (!first_.empty()) first_.pop_back();
    return *this;
  }
  // A comma before every value of a container but its first; none right after a key.
  void Separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
  // The shortest digits that read back as `v` (std::to_chars), laid out as nlohmann::json lays
  // them out: fixed notation for decimal exponents -4 .. 15 (integral values get ".0"),
  // scientific with a two-digit exponent otherwise ("1e-07", "1.5e+20").
  void AppendDouble(double v) {
    char buf[40];
    auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    std::string_view s(buf, static_cast<size_t>(r.ptr - buf));
    if (!s.empty() && s[0] == '-') {
      out_ += '-';
      s.remove_prefix(1);
    }
    size_t e = s.find('e');
    if (e == std::string_view::npos) {  // Not expected from to_chars; keep what it wrote.
      out_ += s;
      return;
    }
    char digit_buf[32];  // The significant digits, without the point (at most 17).
    size_t k = 0;
    for (char c : s.substr(0, e)) {
      if (c != '.' && k < sizeof digit_buf) digit_buf[k++] = c;
    }
    const std::string_view digits(digit_buf, k);
    int exp10 = 0;
    std::string_view es = s.substr(e + 1);
    if (!es.empty() && es[0] == '+') es.remove_prefix(1);
    std::from_chars(es.data(), es.data() + es.size(), exp10);
    const int nk = static_cast<int>(k);
    const int n = exp10 + 1;  // Where the decimal point goes, counted from the first digit.
    if (nk <= n && n <= 15) {
      out_ += digits;
      out_.append(static_cast<size_t>(n - nk), '0');
      out_ += ".0";
    } else if (0 < n && n <= 15) {
      out_ += digits.substr(0, static_cast<size_t>(n));
      out_ += '.';
      out_ += digits.substr(static_cast<size_t>(n));
    } else if (-4 < n && n <= 0) {
      out_ += "0.";
      out_.append(static_cast<size_t>(-n), '0');
      out_ += digits;
    } else {
      out_ += digits[0];
      if (nk > 1) {
        out_ += '.';
        out_ += digits.substr(1);
      }
      int x = n - 1;
      out_ += x < 0 ? "e-" : "e+";
      x = x < 0 ? -x : x;
      if (x < 10) out_ += '0';
      char xb[8];
      auto xr = std::to_chars(xb, xb + sizeof xb, x);
      out_.append(xb, xr.ptr);
    }
  }

  void AppendString(std::string_view s) {
    out_ += '"';
    bool plain = true;  // Printable ASCII without quotes or backslashes: copied as it is.
    for (char ch : s) {
      unsigned char c = static_cast<unsigned char>(ch);
      plain = plain && c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
    }
    if (plain) {
      out_ += s;
      out_ += '"';
      return;
    }
    bool ascii = true;
    for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (!ascii && FindInvalidUtf8(s) != std::string_view::npos) {
      std::string repaired(s);
      RepairUtf8(repaired);
      AppendEscaped(repaired);
    } else {
      AppendEscaped(s);
    }
    out_ += '"';
  }
  void AppendEscaped(std::string_view s) {
    static const char kHex[] = "0123456789abcdef";
    size_t run = 0;  // Start of the bytes not yet copied.
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\f':
          out_ += "\\f";
          break;
        default:
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 0xF];
      }
    }
    out_.append(s.data() + run, s.size() - run);
  }

  std::string out_;
  std::vector<bool> first_;  // Per open container: no value written yet.
  bool after_key_ = false;
};

}  // namespace annals::util

#endif  // ANNALS_UTIL_JSON_OUT_H_
