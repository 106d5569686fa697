#pragma once

#include "db/sql.h"
#include "residents/registry.h"
#include "test_services.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace fd::testing {

// An estate with building 3 (rooms 3-2-1502, 3-2-1601, 3-1-1501), building 13 (13-2-1501),
// a clerk and a supervisor.
class ResidentsTest : public ::testing::Test {
protected:
    explicit ResidentsTest(std::vector<Module> modules = {}) : t(std::move(modules)) {}

    void SetUp() override {
        t.addUser(QStringLiteral("clerk1"), {QStringLiteral("clerk")}, QStringLiteral("王芳"));
        t.addUser(QStringLiteral("super"), {QStringLiteral("supervisor")}, QStringLiteral("李娜"));
        for (const char* b : {"3", "13"})
            ok(t.run(QStringLiteral("resident.create_building"), QStringLiteral("admin"),
                     {{QStringLiteral("code"), QString::fromLatin1(b)}}));
        for (const char* room : {"3-2-1502", "3-2-1601", "3-1-1501", "13-2-1501"}) {
            const QStringList parts = QString::fromLatin1(room).split(QLatin1Char('-'));
            ok(t.run(QStringLiteral("resident.create_room"), QStringLiteral("admin"),
                     {{QStringLiteral("building_code"), parts[0]},
                      {QStringLiteral("unit"), parts[1]},
                      {QStringLiteral("number"), parts[2]}}));
        }
    }

    static ActionResult ok(const Result<ActionResult>& r) {
        if (!r)
            ADD_FAILURE() << r.error().message.en.toStdString();
        return r ? *r : ActionResult{};
    }

    qint64 registerResident(const QString& room, const QString& name, const QString& phone = {},
                            const QString& kind = QStringLiteral("owner"),
                            const QString& notes = {}) {
        QVariantMap p{{QStringLiteral("room_code"), room},
                      {QStringLiteral("kind"), kind},
                      {QStringLiteral("name"), name}};
        if (!phone.isEmpty())
            p.insert(QStringLiteral("phone"), phone);
        if (!notes.isEmpty())
            p.insert(QStringLiteral("notes"), notes);
        return ok(t.run(QStringLiteral("resident.register"), QStringLiteral("clerk1"), p))
            .result.value(QStringLiteral("id"))
            .toInteger();
    }

    QSqlDatabase db() const { return t->database().connection(); }

    // The last audit row's old and new values.
    std::pair<QJsonObject, QJsonObject> lastAuditValues() const {
        auto q = sql::exec(
            db(), QStringLiteral(
                      "SELECT old_values, new_values FROM audit_log ORDER BY seq DESC LIMIT 1"));
        if (!q || !q->next())
            return {};
        return {QJsonDocument::fromJson(q->value(0).toByteArray()).object(),
                QJsonDocument::fromJson(q->value(1).toByteArray()).object()};
    }

    qint64 auditRowsContaining(const QString& text) const {
        const QString like = QLatin1Char('%') + text + QLatin1Char('%');
        auto v =
            sql::scalar(db(),
                        QStringLiteral("SELECT count(*) FROM audit_log WHERE old_values LIKE ? "
                                       "OR new_values LIKE ? OR reason LIKE ?"),
                        {like, like, like});
        return v ? v->toLongLong() : -1;
    }

    TestServices t;
};

} // namespace fd::testing
