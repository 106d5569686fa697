#pragma once

#include "db/sql.h"
#include "handover/handover_print.h"
#include "handover/handover_sheet.h"
#include "test_services.h"

#include <QJsonArray>
#include <gtest/gtest.h>

namespace fd::testing {

// Clerks li and zhao (and wu), supervisor chen, CS manager sun.
class HandoverFixture : public ::testing::Test {
protected:
    void SetUp() override {
        t.addUser(QStringLiteral("lixm"), {QStringLiteral("clerk")}, QStringLiteral("李晓梅"));
        t.addUser(QStringLiteral("zhao"), {QStringLiteral("clerk")}, QStringLiteral("赵丽"));
        t.addUser(QStringLiteral("wumin"), {QStringLiteral("clerk")}, QStringLiteral("吴敏"));
        t.addUser(QStringLiteral("chen"), {QStringLiteral("supervisor")}, QStringLiteral("陈志强"));
        t.addUser(QStringLiteral("sunjg"), {QStringLiteral("cs_manager")},
                  QStringLiteral("孙建国"));
    }

    QSqlDatabase db() const { return t->database().connection(); }

    qint64 open(const QString& login = QStringLiteral("lixm"),
                const QString& post = QStringLiteral("front_desk")) {
        auto r = t.run(QStringLiteral("handover.open"), login, {{QStringLiteral("post"), post}});
        EXPECT_TRUE(r) << (r ? "" : r.error().message.en.toStdString());
        return r ? r->result.value(QStringLiteral("sheet_id")).toInteger() : 0;
    }

    qint64 addMatter(qint64 sheet, const QString& cause,
                     const QString& severity = QStringLiteral("normal"),
                     const QString& status = QStringLiteral("open"), bool complete = true) {
        QVariantMap p{{QStringLiteral("sheet_id"), sheet},
                      {QStringLiteral("cause"), cause},
                      {QStringLiteral("severity"), severity},
                      {QStringLiteral("status"), status}};
        if (complete) {
            p.insert(QStringLiteral("course"), QStringLiteral("已处理经过"));
            p.insert(QStringLiteral("result"), QStringLiteral("结果待跟进"));
        }
        auto r = t.run(QStringLiteral("handover.add_matter"), QStringLiteral("lixm"), p);
        EXPECT_TRUE(r) << (r ? "" : r.error().message.en.toStdString());
        return r ? r->result.value(QStringLiteral("matter_id")).toInteger() : 0;
    }

    // The login of the sheet's outgoing person.
    QString outgoingLogin(qint64 sheet) const {
        auto v = sql::scalar(db(),
                             QStringLiteral("SELECT u.login FROM handover_sheets s JOIN users u "
                                            "ON u.id = s.outgoing_user_id WHERE s.id = ?"),
                             {sheet});
        return v ? v->toString() : QString();
    }

    // Checks one item face to face: the outgoing person records it, `incoming` signs.
    Result<ActionResult> confirmItem(qint64 sheet, const QString& item,
                                     const QString& incoming = QStringLiteral("zhao")) {
        return t.run(QStringLiteral("handover.confirm_item"), outgoingLogin(sheet),
                     {{QStringLiteral("sheet_id"), sheet},
                      {QStringLiteral("item"), item},
                      {QStringLiteral("state"), QStringLiteral("present")}},
                     {t.sign(QStringLiteral("incoming"), incoming)});
    }

    // Every item checked by `login` as the incoming person (keys included, R6-7).
    void confirmAll(qint64 sheet, const QString& login = QStringLiteral("zhao")) {
        auto s = handover::loadLiveSheet(db(), sheet);
        ASSERT_TRUE(s);
        for (const auto& c : s->checklist) {
            auto r = confirmItem(sheet, c.item, login);
            ASSERT_TRUE(r) << r.error().message.en.toStdString();
        }
    }

    // The incoming person confirms the waiting mail with the outgoing person (R6-6).
    Result<ActionResult> confirmMail(qint64 sheet,
                                     const QString& incoming = QStringLiteral("zhao")) {
        return t.run(QStringLiteral("handover.confirm_mail"), outgoingLogin(sheet),
                     {{QStringLiteral("sheet_id"), sheet}},
                     {t.sign(QStringLiteral("incoming"), incoming)});
    }

    Result<ActionResult> complete(qint64 sheet, const QString& outgoing = QStringLiteral("lixm"),
                                  const QString& incoming = QStringLiteral("zhao")) {
        return t.run(QStringLiteral("handover.complete"), outgoing,
                     {{QStringLiteral("sheet_id"), sheet}},
                     {t.sign(QStringLiteral("outgoing"), outgoing),
                      t.sign(QStringLiteral("incoming"), incoming)});
    }

    // A sheet ready to complete: every item checked.
    qint64 readySheet() {
        const qint64 sheet = open();
        confirmAll(sheet);
        return sheet;
    }

    QString sheetStatus(qint64 sheet) const {
        auto v = sql::scalar(
            db(), QStringLiteral("SELECT status FROM handover_sheets WHERE id = ?"), {sheet});
        return v ? v->toString() : QString();
    }

    QList<AttentionItem> attention(const QString& id, const QString& login) {
        for (const AttentionSource& s : t->attention().all())
            if (s.id == id) {
                auto items = s.items(t.services(), t.actor(login));
                EXPECT_TRUE(items);
                return items ? *items : QList<AttentionItem>{};
            }
        ADD_FAILURE() << "no attention source " << id.toStdString();
        return {};
    }

    // Asserts a refusal by the rule, citing the clause, with nothing written.
    void expectRefused(const Result<ActionResult>& r, const QString& rule, const QString& clause,
                       qint64 auditBefore) {
        ASSERT_FALSE(r) << "expected refusal by " << rule.toStdString();
        EXPECT_EQ(r.error().kind, Error::Kind::Refused) << r.error().message.en.toStdString();
        EXPECT_EQ(r.error().ruleId, rule) << r.error().message.en.toStdString();
        EXPECT_EQ(r.error().clause, clause);
        EXPECT_TRUE(r.error().message.en.contains(clause)) << r.error().message.en.toStdString();
        EXPECT_FALSE(r.error().message.zh.isEmpty());
        EXPECT_EQ(t.auditCount(), auditBefore);
    }

    TestServices t;
};

} // namespace fd::testing
