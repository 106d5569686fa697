#pragma once

#include "util/error.h"

#include <QString>

namespace fd::password {

// argon2id through libsodium's crypto_pwhash_str at (at least) the INTERACTIVE limits.
Result<QString> hash(const QString& clear);
bool verify(const QString& storedHash, const QString& clear);
// True when the stored hash was made with weaker limits than today's.
bool needsRehash(const QString& storedHash);
// Minimal strength: 8 characters or more.
Status checkStrength(const QString& clear);

} // namespace fd::password
