#include "auth/password.h"

#include <sodium.h>

namespace fd::password {
namespace {

void ensureSodium() {
    static const int ready = sodium_init();
    (void)ready;
}

constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

} // namespace

Result<QString> hash(const QString& clear) {
    ensureSodium();
    const QByteArray utf8 = clear.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                              kOpsLimit, kMemLimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return fail(Error::internal(QStringLiteral("password hashing ran out of memory")));
    return QString::fromLatin1(out);
}

bool verify(const QString& storedHash, const QString& clear) {
    ensureSodium();
    const QByteArray stored = storedHash.toLatin1();
    const QByteArray utf8 = clear.toUtf8();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size())) == 0;
}

bool needsRehash(const QString& storedHash) {
    ensureSodium();
    const QByteArray stored = storedHash.toLatin1();
    return crypto_pwhash_str_needs_rehash(stored.constData(), kOpsLimit, kMemLimit) != 0;
}

Status checkStrength(const QString& clear) {
    if (clear.size() < 8)
        return fail(Error::badInput(QStringLiteral("password"),
                                    {QStringLiteral("The password needs at least 8 characters."),
                                     QStringLiteral("密码至少需要 8 个字符。")}));
    return {};
}

} // namespace fd::password
