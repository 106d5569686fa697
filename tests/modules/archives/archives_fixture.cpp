#include "archives_fixture.h"

namespace fd::testing {

ArchivesTest::ArchivesTest() {
    addUser(QStringLiteral("keeper"), QStringLiteral("archivist"));
    addUser(QStringLiteral("gm_zhou"), QStringLiteral("general_manager"));
    addUser(QStringLiteral("om_chen"), QStringLiteral("office_manager"));
    addUser(QStringLiteral("csm_li"), QStringLiteral("cs_manager"));
    addUser(QStringLiteral("clerk1"), QStringLiteral("doc_clerk"), 501);
    addUser(QStringLiteral("clerk2"), QStringLiteral("doc_clerk"), 502);
    addUser(QStringLiteral("front"), QStringLiteral("clerk"));
    for (const auto& [code, locked] :
         {std::pair{"A01", false}, std::pair{"A02", false}, std::pair{"S01", true}}) {
        auto r = t.run(QStringLiteral("archive.add_cabinet"), QStringLiteral("keeper"),
                       {{QStringLiteral("code"), QString::fromUtf8(code)},
                        {QStringLiteral("name"), QString::fromUtf8(code)},
                        {QStringLiteral("locked"), locked}});
        if (!r)
            throw std::runtime_error(r.error().message.en.toStdString());
    }
}

void ArchivesTest::addUser(const QString& login, const QString& roles, qint64 staffId) {
    QVariantMap p{{QStringLiteral("login"), login},
                  {QStringLiteral("name"), login},
                  {QStringLiteral("roles"), roles},
                  {QStringLiteral("password"), TestServices::passwordOf(login)}};
    if (staffId > 0)
        p.insert(QStringLiteral("staff_id"), staffId);
    auto r = t.run(QStringLiteral("user.add"), QStringLiteral("admin"), p);
    if (!r)
        throw std::runtime_error(r.error().message.en.toStdString());
}

qint64 ArchivesTest::volume(const QString& number, const QString& title, int category,
                            const QString& level, const QString& cabinet, int retention,
                            const QDate& from, const QDate& to) {
    auto r = t.run(QStringLiteral("archive.create_volume"), QStringLiteral("keeper"),
                   {{QStringLiteral("number"), number},
                    {QStringLiteral("title"), title},
                    {QStringLiteral("category_id"), category},
                    {QStringLiteral("department"), QStringLiteral("客服部")},
                    {QStringLiteral("retention_years"), retention},
                    {QStringLiteral("confidentiality"), level},
                    {QStringLiteral("cabinet"), cabinet},
                    {QStringLiteral("date_from"), from},
                    {QStringLiteral("date_to"), to}});
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message.en.toStdString());
    return r ? r->result.value(QStringLiteral("volume_id")).toInteger() : 0;
}

qint64 ArchivesTest::fileItem(const QString& volume, const QString& title, const QDate& date) {
    auto r = t.run(QStringLiteral("archive.file_item"), QStringLiteral("keeper"),
                   {{QStringLiteral("volume"), volume},
                    {QStringLiteral("title"), title},
                    {QStringLiteral("item_date"), date},
                    {QStringLiteral("pages"), 3},
                    {QStringLiteral("responsible"), QStringLiteral("王芳")}},
                   {t.sign(QStringLiteral("handed_over"), QStringLiteral("clerk1")),
                    t.sign(QStringLiteral("received"), QStringLiteral("keeper"))});
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message.en.toStdString());
    return r ? r->result.value(QStringLiteral("item_id")).toInteger() : 0;
}

Result<ActionResult> ArchivesTest::requestLoan(const QString& volumes, const QString& mode,
                                               int days, const QString& as) {
    const Actor who = t.actor(as);
    return t.run(QStringLiteral("archive.request_loan"), as,
                 {{QStringLiteral("borrower_kind"), QStringLiteral("staff")},
                  {QStringLiteral("borrower_staff_id"), who.staffId},
                  {QStringLiteral("borrower_name"), who.displayName},
                  {QStringLiteral("purpose"), QStringLiteral("查阅记录")},
                  {QStringLiteral("mode"), mode},
                  {QStringLiteral("due_date"), t.services().clock().officeToday().addDays(days)},
                  {QStringLiteral("volumes"), volumes}});
}

Result<ActionResult> ArchivesTest::approve(qint64 approvalId, const QString& approver) {
    return t.run(QStringLiteral("approval.approve"), approver, {{QStringLiteral("id"), approvalId}},
                 {t.sign(QStringLiteral("approver"), approver)});
}

qint64 ArchivesTest::approvedLoan(const QString& volumes, const QString& mode, int days) {
    auto r = requestLoan(volumes, mode, days);
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message.en.toStdString());
    if (!r)
        return 0;
    EXPECT_EQ(r->status, ActionResult::Status::PendingApproval);
    auto a = approve(r->approvalId, QStringLiteral("om_chen"));
    EXPECT_TRUE(a.has_value()) << (a ? "" : a.error().message.en.toStdString());
    return a ? a->result.value(QStringLiteral("executed"))
                   .toObject()
                   .value(QStringLiteral("loan_id"))
                   .toInteger()
             : 0;
}

std::vector<SignatureInput> ArchivesTest::checkoutSignatures(const QString& borrower) const {
    return {t.sign(QStringLiteral("archivist"), QStringLiteral("keeper")),
            t.sign(QStringLiteral("borrower"), borrower)};
}

Result<QueryResult> ArchivesTest::query(const QString& name, const QVariantMap& params,
                                        const QString& as) const {
    return t->query(name, params, t.actor(as));
}

QVariant ArchivesTest::scalar(const QString& statement, const QVariantList& binds) const {
    auto v = sql::scalar(t->database().connection(), statement, binds);
    return v ? *v : QVariant();
}

QList<AttentionItem> ArchivesTest::attention(const QString& sourceId, const QString& as) {
    const Actor who = t.actor(as);
    for (const auto& src : t->attention().all()) {
        if (src.id != sourceId)
            continue;
        if (!src.roles.isEmpty() && std::none_of(src.roles.begin(), src.roles.end(),
                                                 [&](const QString& r) { return who.hasRole(r); }))
            return {};
        auto items = src.items(t.services(), who);
        EXPECT_TRUE(items.has_value()) << (items ? "" : items.error().message.en.toStdString());
        return items ? *items : QList<AttentionItem>{};
    }
    ADD_FAILURE() << "no dashboard source " << sourceId.toStdString();
    return {};
}

} // namespace fd::testing
