#include "util/error.h"

namespace fd {

Error Error::badInput(const QString& field, Text message) {
    return Error{Kind::BadInput, std::move(message), field, {}, {}};
}
Error Error::refused(const QString& ruleId, const QString& clause, Text message) {
    return Error{Kind::Refused, std::move(message), {}, ruleId, clause};
}
Error Error::storage(Text message) {
    return Error{Kind::Storage, std::move(message), {}, {}, {}};
}
Error Error::integrity(Text message) {
    return Error{Kind::Integrity, std::move(message), {}, {}, {}};
}
Error Error::auth(Text message) {
    return Error{Kind::Auth, std::move(message), {}, {}, {}};
}
Error Error::notFound(const QString& field, Text message) {
    return Error{Kind::NotFound, std::move(message), field, {}, {}};
}
Error Error::internal(const QString& message) {
    return Error{Kind::Internal, Text{message, message}, {}, {}, {}};
}

int Error::exitCode() const {
    switch (kind) {
    case Kind::BadInput:
    case Kind::NotFound:
        return 2;
    case Kind::Refused:
        return 3;
    case Kind::Integrity:
        return 4;
    case Kind::Auth:
        return 5;
    case Kind::Storage:
    case Kind::Internal:
        return 1;
    }
    return 1;
}

QString Error::kindName() const {
    switch (kind) {
    case Kind::BadInput:
        return QStringLiteral("bad_input");
    case Kind::NotFound:
        return QStringLiteral("not_found");
    case Kind::Refused:
        return QStringLiteral("refused");
    case Kind::Integrity:
        return QStringLiteral("integrity");
    case Kind::Auth:
        return QStringLiteral("auth");
    case Kind::Storage:
        return QStringLiteral("storage");
    case Kind::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace fd
