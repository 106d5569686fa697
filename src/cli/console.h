#pragma once

#include "util/error.h"

#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace fd::cli {

// What a command produced: data for --json, lines for stdout in text mode, a note for
// people on stderr. A command that fails but still has something to show (a broken audit
// chain, policy lint errors) sets `error` instead of returning an Error.
struct Reply {
    QJsonObject data;
    QStringList lines;
    Text note;
    std::optional<Error> error;
};

// Where output goes: one JSON document on stdout with --json, plain lines otherwise;
// messages for people always on stderr, in the chosen language.
class Console final {
public:
    Console(bool json, bool chinese) : json_(json), chinese_(chinese) {}

    [[nodiscard]] bool json() const { return json_; }
    [[nodiscard]] bool chinese() const { return chinese_; }
    [[nodiscard]] const QString& pick(const Text& t) const { return t.in(chinese_); }

    // Prints the reply and returns the exit code.
    int finish(const Reply& reply) const;
    int finish(const Error& error) const;

    void toStderr(const QString& line) const;

    static QJsonObject errorJson(const Error& error);
    static QJsonObject textJson(const Text& t);

private:
    void toStdout(const QString& text) const;
    void explain(const Error& error) const; // the error for people, on stderr

    bool json_ = false;
    bool chinese_ = false;
};

// Passwords on stdin, one line per person, read before anything is opened. Nothing is
// echoed; when stdin is a terminal a prompt goes to stderr.
class PasswordLines final {
public:
    // `who` names each person in order ("--as admin", "--sign approver=li"); `field`
    // names each in the error when its line is missing.
    Result<QStringList> read(const QStringList& who, const QStringList& fields, bool chinese);
};

} // namespace fd::cli
