#pragma once

#include "db/sql.h"
#include "keys/key_prints.h"
#include "test_services.h"

#include <QJsonObject>

namespace fd::testing {

// An estate with building 1 (rooms 1-1-101, 1-1-102, 1-2-201) and building 2 (2-1-101); the
// owner of 1-1-101 (周明, ID tail 1234) and a tenant there; the key keeper, two supervisors, a
// front-desk clerk, HR and a maintenance technician (a staff member with a login).
class KeysTest : public ::testing::Test {
protected:
    KeysTest() {
        t.addUser(QStringLiteral("keeper"), {QStringLiteral("key_keeper")}, QStringLiteral("孙强"));
        t.addUser(QStringLiteral("sup"), {QStringLiteral("supervisor")}, QStringLiteral("李娜"));
        t.addUser(QStringLiteral("sup2"), {QStringLiteral("supervisor")}, QStringLiteral("陈洁"));
        t.addUser(QStringLiteral("clerk"), {QStringLiteral("clerk")}, QStringLiteral("王芳"));
        t.addUser(QStringLiteral("hr1"), {QStringLiteral("hr")}, QStringLiteral("郭燕"));
        t.addUser(QStringLiteral("tech"), {QStringLiteral("maintenance")}, QStringLiteral("马军"));
        for (const char* b : {"1", "2"})
            ok(t.run(QStringLiteral("resident.create_building"), QStringLiteral("admin"),
                     {{QStringLiteral("code"), QString::fromLatin1(b)}}));
        for (const char* room : {"1-1-101", "1-1-102", "1-2-201", "2-1-101"}) {
            const QStringList parts = QString::fromLatin1(room).split(QLatin1Char('-'));
            ok(t.run(QStringLiteral("resident.create_room"), QStringLiteral("admin"),
                     {{QStringLiteral("building_code"), parts[0]},
                      {QStringLiteral("unit"), parts[1]},
                      {QStringLiteral("number"), parts[2]}}));
        }
        owner = resident(QStringLiteral("1-1-101"), QStringLiteral("周明"), QStringLiteral("owner"),
                         QStringLiteral("1234"));
        tenant = resident(QStringLiteral("1-1-101"), QStringLiteral("钱丽"),
                          QStringLiteral("tenant"), QStringLiteral("5678"));
        const qint64 dept =
            ok(t.run(QStringLiteral("staff.create_department"), QStringLiteral("admin"),
                     {{QStringLiteral("name"), QStringLiteral("维修部")}}))
                .result.value(QStringLiteral("id"))
                .toInteger();
        techStaff = ok(t.run(QStringLiteral("staff.create"), QStringLiteral("admin"),
                             {{QStringLiteral("name"), QStringLiteral("马军")},
                              {QStringLiteral("department_id"), dept},
                              {QStringLiteral("post"), QStringLiteral("维修技工")},
                              {QStringLiteral("login"), QStringLiteral("tech")}}))
                        .result.value(QStringLiteral("id"))
                        .toInteger();
        escortStaff = ok(t.run(QStringLiteral("staff.create"), QStringLiteral("admin"),
                               {{QStringLiteral("name"), QStringLiteral("刘洋")},
                                {QStringLiteral("department_id"), dept}}))
                          .result.value(QStringLiteral("id"))
                          .toInteger();
    }

    static ActionResult ok(const Result<ActionResult>& r) {
        if (!r)
            ADD_FAILURE() << r.error().message.en.toStdString();
        return r ? *r : ActionResult{};
    }

    qint64 resident(const QString& room, const QString& name, const QString& kind,
                    const QString& idTail) {
        return ok(t.run(QStringLiteral("resident.register"), QStringLiteral("admin"),
                        {{QStringLiteral("room_code"), room},
                         {QStringLiteral("kind"), kind},
                         {QStringLiteral("name"), name},
                         {QStringLiteral("id_tail"), idTail}}))
            .result.value(QStringLiteral("id"))
            .toInteger();
    }

    // Registers a key of a category (public by default) as the keeper; its tag.
    QString key(const QString& tag, const QString& category = QStringLiteral("public"),
                bool emergency = false) {
        QVariantMap p{{QStringLiteral("tag"), tag},
                      {QStringLiteral("category"), category},
                      {QStringLiteral("hook"), QString(QStringLiteral("A-") + tag.right(2))},
                      {QStringLiteral("building"), QStringLiteral("1")},
                      {QStringLiteral("floor"), QStringLiteral("3")},
                      {QStringLiteral("equipment"), QStringLiteral("水泵房")},
                      {QStringLiteral("emergency"), emergency}};
        ok(t.run(QStringLiteral("key.register"), QStringLiteral("keeper"), p));
        return tag;
    }

    // The owner of 1-1-101 deposits the security and interior door keys; the ring's tag.
    QString deposit(const QString& tag = QStringLiteral("YZ-101")) {
        return ok(t.run(QStringLiteral("key.deposit"), QStringLiteral("keeper"),
                        {{QStringLiteral("room_code"), QStringLiteral("1-1-101")},
                         {QStringLiteral("custody"), QStringLiteral("owner_deposit")},
                         {QStringLiteral("slots"), QStringLiteral("security_door,interior_door")},
                         {QStringLiteral("tag"), tag},
                         {QStringLiteral("hook"), QStringLiteral("B-01")},
                         {QStringLiteral("depositor_resident_id"), owner},
                         {QStringLiteral("authorised_name"), QStringLiteral("周小明")},
                         {QStringLiteral("authorised_id_tail"), QStringLiteral("4321")}}))
            .result.value(QStringLiteral("tag"))
            .toString();
    }

    // A loan to the technician (a staff member) for repairs, as the clerk.
    Result<ActionResult> lendToStaff(const QString& keys, const QVariantMap& extra = {},
                                     const QString& as = QStringLiteral("clerk")) {
        QVariantMap p{{QStringLiteral("keys"), keys},
                      {QStringLiteral("borrower_kind"), QStringLiteral("staff")},
                      {QStringLiteral("borrower_staff_id"), techStaff},
                      {QStringLiteral("purpose"), QStringLiteral("repair")}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            p.insert(it.key(), it.value());
        return t.run(QStringLiteral("key.lend"), as, p);
    }

    Result<ActionResult> approve(qint64 id, const QString& who = QStringLiteral("sup")) {
        return t.run(QStringLiteral("approval.approve"), who, {{QStringLiteral("id"), id}},
                     {t.sign(QStringLiteral("approver"), who)});
    }

    QVariant scalar(const QString& statement, const QVariantList& binds = {}) const {
        auto v = sql::scalar(t->database().connection(), statement, binds);
        return v ? *v : QVariant();
    }
    QString status(const QString& tag) const {
        return scalar(QStringLiteral("SELECT status FROM key_items WHERE tag = ?"), {tag})
            .toString();
    }
    static qint64 loanOf(const ActionResult& r) {
        const QJsonObject executed = r.result.value(QStringLiteral("executed")).toObject();
        return (executed.isEmpty() ? r.result : executed)
            .value(QStringLiteral("loan_id"))
            .toInteger();
    }
    // Every word of a printed form (title, fields, tables, signature lines).
    QString formText(const QString& form, const QString& record, bool chinese = true) {
        const FormDef* def = t->forms().find(form);
        EXPECT_NE(def, nullptr) << form.toStdString();
        if (def == nullptr)
            return {};
        auto doc = def->build(t.services(), t.actor(QStringLiteral("keeper")), record, chinese);
        EXPECT_TRUE(doc) << (doc ? "" : doc.error().message.en.toStdString());
        if (!doc)
            return {};
        QStringList words{doc->title};
        for (const PrintField& f : doc->fields)
            words << f.label << f.value;
        for (const PrintTable& table : doc->tables) {
            words << table.title << table.headers;
            for (const QStringList& row : table.rows)
                words << row;
        }
        for (const PrintSignature& s : doc->signatures)
            words << s.meaning;
        EXPECT_FALSE(doc->auditHead.isEmpty());
        return words.join(QLatin1Char(' '));
    }

    TestServices t;
    qint64 owner = 0;
    qint64 tenant = 0;
    qint64 techStaff = 0;
    qint64 escortStaff = 0;
};

} // namespace fd::testing
