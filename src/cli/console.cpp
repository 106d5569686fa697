#include "console.h"

#include <QJsonDocument>
#include <cstdio>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace fd::cli {

QJsonObject Console::textJson(const Text& t) {
    return {{QStringLiteral("en"), t.en}, {QStringLiteral("zh"), t.zh}};
}

QJsonObject Console::errorJson(const Error& e) {
    return {{QStringLiteral("kind"), e.kindName()},
            {QStringLiteral("rule"), e.ruleId},
            {QStringLiteral("clause"), e.clause},
            {QStringLiteral("field"), e.field},
            {QStringLiteral("message"), textJson(e.message)}};
}

void Console::toStdout(const QString& text) const {
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

void Console::toStderr(const QString& line) const {
    const QByteArray bytes = (line + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    std::fflush(stderr);
}

int Console::finish(const Reply& reply) const {
    if (reply.error) {
        const Error& e = *reply.error;
        QJsonObject doc = reply.data;
        doc.insert(QStringLiteral("ok"), false);
        doc.insert(QStringLiteral("error"), errorJson(e));
        if (json_)
            toStdout(QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented)));
        else if (!reply.lines.isEmpty())
            toStdout(reply.lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
        explain(e);
        return e.exitCode();
    }
    if (json_) {
        QJsonObject doc = reply.data;
        doc.insert(QStringLiteral("ok"), true);
        toStdout(QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented)));
    } else if (!reply.lines.isEmpty()) {
        toStdout(reply.lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    }
    if (!pick(reply.note).isEmpty())
        toStderr(pick(reply.note));
    return 0;
}

int Console::finish(const Error& e) const {
    if (json_)
        toStdout(
            QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("ok"), false},
                                                        {QStringLiteral("error"), errorJson(e)}})
                                  .toJson(QJsonDocument::Indented)));
    explain(e);
    return e.exitCode();
}

void Console::explain(const Error& e) const {
    QString line =
        (chinese_ ? QStringLiteral("错误：") : QStringLiteral("error: ")) + pick(e.message);
    QStringList where;
    if (!e.ruleId.isEmpty())
        where << (chinese_ ? QStringLiteral("规则 ") : QStringLiteral("rule ")) + e.ruleId;
    if (!e.clause.isEmpty())
        where << (chinese_ ? QStringLiteral("条款 ") : QStringLiteral("clause ")) + e.clause;
    if (!e.field.isEmpty())
        where << (chinese_ ? QStringLiteral("字段 ") : QStringLiteral("field ")) + e.field;
    if (!where.isEmpty())
        line += QStringLiteral(" [") + where.join(QStringLiteral("; ")) + QLatin1Char(']');
    toStderr(line);
}

namespace {

// Turns terminal echo off for as long as it lives (only when stdin is a terminal).
class EchoOff final {
public:
    EchoOff() {
        if (isatty(STDIN_FILENO) == 0 || tcgetattr(STDIN_FILENO, &saved_) != 0)
            return;
        termios quiet = saved_;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff() {
        if (active_)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    termios saved_{};
    bool active_ = false;
};

} // namespace

Result<QStringList> PasswordLines::read(const QStringList& who, const QStringList& fields,
                                        bool chinese) {
    QStringList out;
    const bool terminal = isatty(STDIN_FILENO) != 0;
    for (qsizetype i = 0; i < who.size(); ++i) {
        std::string line;
        bool got = false;
        {
            if (terminal) {
                const QByteArray prompt =
                    (chinese ? QStringLiteral("%1 的密码：") : QStringLiteral("Password for %1: "))
                        .arg(who[i])
                        .toUtf8();
                std::fwrite(prompt.constData(), 1, static_cast<size_t>(prompt.size()), stderr);
                std::fflush(stderr);
            }
            const EchoOff quiet;
            got = static_cast<bool>(std::getline(std::cin, line));
            if (terminal)
                std::fputs("\n", stderr);
        }
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (!got || line.empty())
            return fail(Error::badInput(
                fields[i], {QStringLiteral("No password on stdin for %1 (line %2); give one line "
                                           "per person: --as first, then each --sign in order.")
                                .arg(who[i])
                                .arg(i + 1),
                            QStringLiteral("标准输入缺少 %1 的密码（第 %2 行）；每人一行："
                                           "先 --as，再按顺序每个 --sign。")
                                .arg(who[i])
                                .arg(i + 1)}));
        out << QString::fromStdString(line);
    }
    return out;
}

} // namespace fd::cli
