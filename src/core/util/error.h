#pragma once

#include <QString>
#include <expected>

namespace fd {

// A message in both languages of the product; the front end picks one.
struct Text {
    QString en;
    QString zh;
    [[nodiscard]] const QString& in(bool chinese) const {
        return chinese && !zh.isEmpty() ? zh : en;
    }
};

// Errors are values at every boundary. The kind maps to frontdeskctl's exit codes.
struct Error {
    enum class Kind {
        BadInput = 2,  // a field or argument is wrong; `field` names it
        Refused = 3,   // a policy rule refused; `ruleId` and `clause` say which
        Integrity = 4, // database or audit chain integrity failure
        Auth = 5,      // authentication failed or account locked
        Storage = 1,   // database error, disk full, I/O
        NotFound = 6,  // the record does not exist (reported as bad input)
        Internal = 7,
    };
    Kind kind = Kind::Internal;
    Text message;
    QString field;
    QString ruleId;
    QString clause;

    static Error badInput(const QString& field, Text message);
    static Error refused(const QString& ruleId, const QString& clause, Text message);
    static Error storage(Text message);
    static Error integrity(Text message);
    static Error auth(Text message);
    static Error notFound(const QString& field, Text message);
    static Error internal(const QString& message);

    [[nodiscard]] int exitCode() const;
    [[nodiscard]] QString kindName() const;
};

template <typename T> using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(Error e) {
    return std::unexpected<Error>(std::move(e));
}

} // namespace fd
