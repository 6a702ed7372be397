// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
// PLACEHOLDER: replaced by the real reader; reports every input of this format as unsupported.
#include "io/format_readers.h"

namespace annals::io {

Status ReadFeedInput(ByteSource& /*in*/, ReadContext& /*ctx*/) {
  return UnimplementedError("the feed reader is not implemented yet");
}

}  // namespace annals::io
