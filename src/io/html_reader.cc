// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// PLACEHOLDER: replaced by the real reader; reports every input of this format as unsupported.
#include "io/format_readers.h"

namespace annals::io {

Status ReadHtmlInput(ByteSource& /*in*/, ReadContext& /*ctx*/) {
  return UnimplementedError("the html reader is not implemented yet");
}

Result<Document> ExtractHtmlArticle(std::string_view /*html*/, std::string_view /*url*/) {
  return UnimplementedError("HTML extraction is not implemented yet");
}

}  // namespace annals::io
