// Copyright 2026 The Annals Authors. SPDX-License-Identifier: Apache-2.0
//
// What the store backends share: their constructors (Store::Open picks one) and small helpers.
#ifndef ANNALS_SRC_STORE_STORE_INTERNAL_H_
#define ANNALS_SRC_STORE_STORE_INTERNAL_H_

#include <memory>
#include <string>

#include "annals/store.h"

namespace annals {

Result<std::unique_ptr<Store>> OpenSqliteStore(const StoreOptions& options);
// Unimplemented when the build has no libpqxx.
Result<std::unique_ptr<Store>> OpenPostgresStore(const StoreOptions& options);

// The current time, UTC, as "YYYY-MM-DDTHH:MM:SSZ".
std::string NowUtc();

// An actor code or prefix as the dyad query takes it: 1..30 ASCII letters and digits.
bool ValidCodePattern(const std::string& code);

}  // namespace annals

#endif  // ANNALS_SRC_STORE_STORE_INTERNAL_H_
