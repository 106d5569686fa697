// No way around the gate: roles read at every action, disabled accounts refused, secret
// parameters kept out of the record, the policy in force stored in the database, and
// permission refusals that name the role whose duty it is.
#include "all_modules.h"
#include "audit/audit_log.h"
#include "db/database.h"
#include "db/sql.h"
#include "residents/residents_module.h"
#include "services/policy_store.h"
#include "test_services.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace fd::testing {
namespace {

QString writePolicy(const QTemporaryDir& dir, const QJsonObject& policy,
                    const QString& name = QStringLiteral("policy.json")) {
    const QString path = dir.filePath(name);
    QFile out(path);
    EXPECT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(policy).toJson());
    return path;
}

QJsonObject withRule(QJsonObject policy, const QJsonObject& rule) {
    QJsonArray rules = policy[QStringLiteral("rules")].toArray();
    rules.append(rule);
    policy[QStringLiteral("rules")] = rules;
    return policy;
}

// The built-in policy with one more rule: `action` waits for the office manager's approval.
QJsonObject officeManagerApproves(const QString& id, const QString& action, const Text& message) {
    QJsonObject policy = builtInPolicy();
    addTestClause(policy, QStringLiteral("TEST-GATE-1"));
    return withRule(policy,
                    {{QStringLiteral("id"), id},
                     {QStringLiteral("clauses"), QJsonArray{QStringLiteral("TEST-GATE-1")}},
                     {QStringLiteral("actions"), QJsonArray{action}},
                     {QStringLiteral("check"), QStringLiteral("core.require_approval")},
                     {QStringLiteral("params"),
                      QJsonObject{{QStringLiteral("role"), QStringLiteral("office_manager")}}},
                     {QStringLiteral("message"), QJsonObject{{QStringLiteral("en"), message.en},
                                                             {QStringLiteral("zh"), message.zh}}}});
}

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

TEST(Gate, RolesAreReadFromTheDatabaseAtEveryAction) {
    TestServices t;
    t.addUser(QStringLiteral("lixm"), {QStringLiteral("clerk"), QStringLiteral("archivist")});
    const Actor signedIn = t.actor(QStringLiteral("lixm")); // as the window holds it
    ASSERT_TRUE(t.run(QStringLiteral("user.set_roles"), QStringLiteral("admin"),
                      {{QStringLiteral("login"), QStringLiteral("lixm")},
                       {QStringLiteral("roles"), QStringLiteral("cashier")}}));
    const qint64 before = t.auditCount();
    auto r = t->bus().execute({QStringLiteral("user.unlock"),
                               {{QStringLiteral("login"), QStringLiteral("admin")}},
                               signedIn,
                               {},
                               {}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, Error::Kind::Refused);
    EXPECT_EQ(r.error().ruleId, QStringLiteral("permission"));
    EXPECT_EQ(t.auditCount(), before);
    EXPECT_TRUE(r.error().message.zh.contains(QStringLiteral("收费员"))); // the roles held now
}

TEST(Gate, ADisabledPersonsNextActionIsRefusedAndReported) {
    TestServices t;
    t.addUser(QStringLiteral("wangf"), {QStringLiteral("supervisor")});
    const Actor signedIn = t.actor(QStringLiteral("wangf"));
    QList<qint64> revoked;
    t->bus().setAccessRevokedHandler([&](const Actor& who) { revoked << who.userId; });
    ASSERT_TRUE(t.run(QStringLiteral("user.deactivate"), QStringLiteral("admin"),
                      {{QStringLiteral("login"), QStringLiteral("wangf")}}));
    const qint64 before = t.auditCount();
    auto r = t->bus().execute(
        {QStringLiteral("approval.reject"), {{QStringLiteral("id"), 1}}, signedIn, {}, {}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, Error::Kind::Auth);
    EXPECT_EQ(t.auditCount(), before);
    EXPECT_EQ(revoked, QList<qint64>{signedIn.userId});
    // Lists too: a disabled person reads nothing.
    auto list = t->query(QStringLiteral("approvals"), {}, signedIn);
    ASSERT_FALSE(list);
    EXPECT_EQ(list.error().kind, Error::Kind::Auth);
    t->bus().setAccessRevokedHandler({});
}

TEST(Gate, ASecretParameterIsNowhereInTheDatabaseFileEvenWhenItsActionWaitsForApproval) {
    TestServices t;
    t.addUser(QStringLiteral("huangw"), {QStringLiteral("office_manager")});
    // The office puts new accounts under the office manager's approval.
    const QJsonObject policy = officeManagerApproves(
        QStringLiteral("test-new-user-approved"), QStringLiteral("user.add"),
        {QStringLiteral("A new account waits for approval"), QStringLiteral("新账户须经批准")});
    auto applied =
        t.run(QStringLiteral("policy.apply"), QStringLiteral("admin"),
              {{QStringLiteral("policy"), QString::fromUtf8(QJsonDocument(policy).toJson())}});
    ASSERT_TRUE(applied) << applied.error().message.en.toStdString();

    const QString secret = QStringLiteral("Zebra-Secret-4711");
    auto asked = t.run(QStringLiteral("user.add"), QStringLiteral("admin"),
                       {{QStringLiteral("login"), QStringLiteral("zhaom")},
                        {QStringLiteral("name"), QStringLiteral("赵敏")},
                        {QStringLiteral("roles"), QStringLiteral("archivist")},
                        {QStringLiteral("password"), secret}});
    ASSERT_TRUE(asked) << asked.error().message.en.toStdString();
    ASSERT_EQ(asked->status, ActionResult::Status::PendingApproval);
    auto stored = sql::scalar(t->database().connection(),
                              QStringLiteral("SELECT params FROM approvals WHERE id = ?"),
                              {asked->approvalId});
    ASSERT_TRUE(stored);
    EXPECT_FALSE(stored->toString().contains(secret));
    EXPECT_TRUE(stored->toString().contains(QStringLiteral("password_hash")));

    auto approved = t.run(QStringLiteral("approval.approve"), QStringLiteral("huangw"),
                          {{QStringLiteral("id"), asked->approvalId}},
                          {t.sign(QStringLiteral("approver"), QStringLiteral("huangw"))});
    ASSERT_TRUE(approved) << approved.error().message.en.toStdString();
    // The account exists and the secret signs its owner in ...
    EXPECT_TRUE(t->users().authenticate(QStringLiteral("zhaom"), secret));
    // ... yet it is nowhere in the file, its write-ahead log or the audit chain.
    const QByteArray needle = secret.toUtf8();
    EXPECT_FALSE(fileBytes(t.path()).contains(needle));
    EXPECT_FALSE(fileBytes(t.path() + QStringLiteral("-wal")).contains(needle));
    t.reopen(); // checkpointed into the main file
    EXPECT_FALSE(fileBytes(t.path()).contains(needle));
}

TEST(Gate, AnApprovedRequestWithASecretRunsFromWhatWasPreparedAndTheSecretStillSignsIn) {
    QTemporaryDir dir;
    const QJsonObject policy = officeManagerApproves(
        QStringLiteral("test-password-change-approved"), QStringLiteral("user.change_password"),
        {QStringLiteral("A password change waits"), QStringLiteral("修改密码须经批准")});
    TestServices t({}, true, writePolicy(dir, policy));
    t.addUser(QStringLiteral("huangw"), {QStringLiteral("office_manager")});
    t.addUser(QStringLiteral("zhaom"), {QStringLiteral("archivist")});
    const QString secret = QStringLiteral("Quartz-Lamp-9182");
    auto asked = t.run(
        QStringLiteral("user.change_password"), QStringLiteral("admin"),
        {{QStringLiteral("login"), QStringLiteral("zhaom")}, {QStringLiteral("password"), secret}});
    ASSERT_TRUE(asked) << asked.error().message.en.toStdString();
    ASSERT_EQ(asked->status, ActionResult::Status::PendingApproval);
    auto approved = t.run(QStringLiteral("approval.approve"), QStringLiteral("huangw"),
                          {{QStringLiteral("id"), asked->approvalId}},
                          {t.sign(QStringLiteral("approver"), QStringLiteral("huangw"))});
    ASSERT_TRUE(approved) << approved.error().message.en.toStdString();
    EXPECT_TRUE(t->users().authenticate(QStringLiteral("zhaom"), secret));

    const QByteArray needle = secret.toUtf8();
    t.reopen();
    EXPECT_FALSE(fileBytes(t.path()).contains(needle));
    EXPECT_FALSE(fileBytes(t.path() + QStringLiteral("-wal")).contains(needle));
    auto rows = AuditLog::rows(t->database().connection(), QString::fromLatin1(""),
                               QDateTime::fromSecsSinceEpoch(0, Qt::UTC), 1000);
    ASSERT_TRUE(rows);
    for (const AuditRow& row : *rows) {
        EXPECT_FALSE(QJsonDocument(row.entry.newValues).toJson().contains(needle));
        EXPECT_FALSE(QJsonDocument(row.entry.oldValues).toJson().contains(needle));
    }
}

TEST(Gate, APermissionRefusalNamesTheRoleWhoseDutyItIsAndCitesThatClause) {
    TestServices t;
    t.addUser(QStringLiteral("liuy"), {QStringLiteral("clerk")}, QStringLiteral("刘洋"));
    auto r = t.run(QStringLiteral("archive.lend"), QStringLiteral("liuy"), {});
    if (!t->actions().find(QStringLiteral("archive.lend")))
        GTEST_SKIP() << "this build has no archives area";
    expectRefused(r, QStringLiteral("permission"), QStringLiteral("R1-1.3.1")); // the archivist's
    EXPECT_TRUE(r.error().message.zh.contains(QStringLiteral("档案管理员")));
    EXPECT_FALSE(r.error().message.en.contains(QStringLiteral("R1-1.3.7")));
}

TEST(Gate, APermissionNoRoleHasAsADutyCitesNoClause) {
    TestServices t;
    t.addUser(QStringLiteral("liuy"), {QStringLiteral("clerk")});
    auto r = t.run(QStringLiteral("user.unlock"), QStringLiteral("liuy"),
                   {{QStringLiteral("login"), QStringLiteral("admin")}});
    expectRefused(r, QStringLiteral("permission"), QString());
    EXPECT_TRUE(r.error().message.en.contains(QStringLiteral("Administrator")));
}

TEST(Gate, ThePolicyInForceIsStoredWithTheFirstAuditRow) {
    TestServices t;
    auto stored = policy_store::latest(t->database().connection());
    ASSERT_TRUE(stored);
    ASSERT_TRUE(stored->has_value());
    EXPECT_EQ((*stored)->version, t->policy().version());
    EXPECT_EQ((*stored)->origin, QStringLiteral("built-in"));
    auto first = AuditLog::rows(t->database().connection(), QString::fromLatin1(""),
                                QDateTime::fromSecsSinceEpoch(0, Qt::UTC), 1000);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->back().entry.action, QStringLiteral("system.init"));
    EXPECT_EQ(first->back().entry.policyVersion, (*stored)->version);
}

TEST(Gate, APolicyAppliedAtOneDeskIsInForceAtAnotherFromItsNextAction) {
    TestServices desk1;
    desk1.addUser(QStringLiteral("liuy"), {QStringLiteral("clerk")});
    ServicesOptions o;
    o.databasePath = desk1.path();
    o.clock = std::shared_ptr<Clock>(&desk1.clock(), [](Clock*) {});
    auto desk2 = openServices(std::move(o));
    ASSERT_TRUE(desk2);
    const QString oldVersion = (*desk2)->policy().version();

    QJsonObject next = builtInPolicy();
    next[QStringLiteral("version")] = QStringLiteral("2099.1");
    const QByteArray json = QJsonDocument(next).toJson();
    auto applied = desk1.run(QStringLiteral("policy.apply"), QStringLiteral("admin"),
                             {{QStringLiteral("policy"), QString::fromUtf8(json)}});
    ASSERT_TRUE(applied) << applied.error().message.en.toStdString();
    EXPECT_EQ(applied->entity, QStringLiteral("policy"));

    // Desk 2 runs its next action under the new version, and its audit row says so.
    auto admin = (*desk2)->users().find(QStringLiteral("admin"));
    ASSERT_TRUE(admin);
    auto done = (*desk2)->bus().execute(
        {QStringLiteral("user.unlock"),
         {{QStringLiteral("login"), QStringLiteral("liuy")}},
         Actor{admin->id, admin->login, admin->displayName, admin->roles, admin->staffId},
         {},
         {}});
    ASSERT_TRUE(done) << done.error().message.en.toStdString();
    EXPECT_NE((*desk2)->policy().version(), oldVersion);
    EXPECT_TRUE((*desk2)->policy().version().startsWith(QStringLiteral("2099.1+")));
    auto row = AuditLog::rows((*desk2)->database().connection(), QString::fromLatin1(""),
                              QDateTime::fromSecsSinceEpoch(0, Qt::UTC), 1);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->front().entry.policyVersion, (*desk2)->policy().version());
    auto named =
        sql::scalar((*desk2)->database().connection(),
                    QStringLiteral("SELECT count(*) FROM policy_versions WHERE version = ?"),
                    {row->front().entry.policyVersion});
    ASSERT_TRUE(named);
    EXPECT_EQ(named->toInt(), 1);
    desk2->reset();
}

// The shipped policy is the core's composed with the fragment each area carries: every
// area's rules, parameters and permissions are in it, and it lists the areas it covers.
TEST(Gate, TheShippedPolicyIsTheCoreComposedWithEveryAreasFragment) {
    TestServices t;
    const QJsonObject policy = QJsonDocument::fromJson(t->policy().source()).object();
    QStringList areas;
    for (const QJsonValue& a : policy.value(QStringLiteral("areas")).toArray())
        areas << a.toString();
    EXPECT_EQ(areas, (QStringList{QStringLiteral("archives"), QStringLiteral("handover"),
                                  QStringLiteral("keys"), QStringLiteral("residents")}));
    EXPECT_NE(t->policy().rule(QStringLiteral("approval-by-role")), nullptr);        // core
    EXPECT_NE(t->policy().rule(QStringLiteral("handover-two-signatures")), nullptr); // handover
    EXPECT_NE(t->policy().rule(QStringLiteral("archive-loan-two-signatures")), nullptr);
    EXPECT_NE(t->policy().rule(QStringLiteral("staff-leave-open-items")), nullptr); // residents
    EXPECT_TRUE(t->policy().permits({QStringLiteral("clerk")}, QStringLiteral("duty.start")));
    EXPECT_TRUE(t->policy().permits({QStringLiteral("archivist")}, QStringLiteral("archive.lend")));
    EXPECT_EQ(t->policy()
                  .roles()
                  .value(QStringLiteral("clerk"))
                  .dutyClause(QStringLiteral("handover.complete")),
              QStringLiteral("R6-5"));
    EXPECT_EQ(t->policy().intParameter(QStringLiteral("phone.monthly_quota_fen"), -1), 20000);
}

TEST(Gate, AFragmentGivingAnotherAreasRuleAgainIsRefusedNamingTheFragment) {
    auto shipped = Policy::builtIn();
    ASSERT_TRUE(shipped);
    const QJsonObject rule = QJsonDocument::fromJson(shipped->source())
                                 .object()
                                 .value(QStringLiteral("rules"))
                                 .toArray()
                                 .first()
                                 .toObject();
    const PolicyFragment keys{
        QStringLiteral("keys"),
        QJsonDocument(QJsonObject{{QStringLiteral("area"), QStringLiteral("keys")},
                                  {QStringLiteral("rules"), QJsonArray{rule}}})
            .toJson(),
        QStringLiteral("keys.json")};
    auto composed = Policy::compose(shipped->source(), {keys}, Policy::ComposeMode::Strict);
    ASSERT_FALSE(composed);
    EXPECT_TRUE(composed.error().message.en.contains(QStringLiteral("keys.json")));
    EXPECT_TRUE(composed.error().message.zh.contains(rule.value(QStringLiteral("id")).toString()));
}

// An office that applied its own policy while the program had only the registry meets the
// handover and archives areas of a newer program: their fragments are added to its policy,
// its own parameter kept, and the change is audited.
TEST(Gate, AnOfficesOwnPolicyIsSupplementedWithTheFragmentOfANewAreaAndKeepsItsOwnValues) {
    TestServices t({residentsModule()}, false);
    auto registryOnly = Policy::builtIn({QStringLiteral(":/policy/residents.json")});
    ASSERT_TRUE(registryOnly);
    QJsonObject own = QJsonDocument::fromJson(registryOnly->source()).object();
    own[QStringLiteral("version")] = QStringLiteral("2099.1");
    QJsonObject parameters = own.value(QStringLiteral("parameters")).toObject();
    parameters[QStringLiteral("auth.max_failed_logins")] = 3;
    own[QStringLiteral("parameters")] = parameters;
    auto applied =
        t.run(QStringLiteral("policy.apply"), QStringLiteral("admin"),
              {{QStringLiteral("policy"), QString::fromUtf8(QJsonDocument(own).toJson())}});
    ASSERT_TRUE(applied) << applied.error().message.en.toStdString();

    ServicesOptions o;
    o.databasePath = t.path();
    o.clock = std::shared_ptr<Clock>(&t.clock(), [](Clock*) {});
    auto newer = openServices(std::move(o));
    ASSERT_TRUE(newer) << newer.error().message.en.toStdString();
    const Policy& inForce = (*newer)->policy();
    EXPECT_TRUE(inForce.version().startsWith(QStringLiteral("2099.1+")));
    EXPECT_EQ(inForce.intParameter(QStringLiteral("auth.max_failed_logins"), -1), 3);
    EXPECT_NE(inForce.rule(QStringLiteral("handover-two-signatures")), nullptr);
    EXPECT_NE(inForce.rule(QStringLiteral("archive-loan-two-signatures")), nullptr);
    EXPECT_TRUE(inForce.permits({QStringLiteral("clerk")}, QStringLiteral("handover.complete")));
    auto stored = policy_store::latest((*newer)->database().connection());
    ASSERT_TRUE(stored && stored->has_value());
    EXPECT_EQ((*stored)->origin, QStringLiteral("applied"));
    auto row = AuditLog::rows((*newer)->database().connection(), QString::fromLatin1(""),
                              QDateTime::fromSecsSinceEpoch(0, Qt::UTC), 1);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->front().entry.action, QStringLiteral("policy.adopt"));
    EXPECT_EQ(row->front().entry.newValues.value(QStringLiteral("areas_added")).toArray(),
              (QJsonArray{QStringLiteral("archives"), QStringLiteral("handover"),
                          QStringLiteral("keys")}));
    newer->reset();
}

TEST(Gate, APolicyWithErrorsIsRefusedByApplyAndNothingIsStored) {
    TestServices t;
    QJsonObject base = builtInPolicy();
    addTestClause(base, QStringLiteral("TEST-GATE-2"));
    QJsonObject broken = withRule(
        base,
        {{QStringLiteral("id"), QStringLiteral("no-such-check")},
         {QStringLiteral("clauses"), QJsonArray{QStringLiteral("TEST-GATE-2")}},
         {QStringLiteral("actions"), QJsonArray{QStringLiteral("user.add")}},
         {QStringLiteral("check"), QStringLiteral("core.nothing_like_it")},
         {QStringLiteral("message"), QJsonObject{{QStringLiteral("en"), QStringLiteral("x")},
                                                 {QStringLiteral("zh"), QStringLiteral("x")}}}});
    const qint64 before = t.count(QStringLiteral("policy_versions"));
    auto r = t.run(QStringLiteral("policy.apply"), QStringLiteral("admin"),
                   {{QStringLiteral("policy"), QString::fromUtf8(QJsonDocument(broken).toJson())}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, Error::Kind::BadInput);
    EXPECT_EQ(r.error().field, QStringLiteral("policy"));
    EXPECT_TRUE(r.error().message.en.contains(QStringLiteral("core.nothing_like_it")));
    EXPECT_EQ(t.count(QStringLiteral("policy_versions")), before);
}

TEST(Gate, TheNetworkShareCheckLooksAtTheNearestFolderThatExists) {
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("not/yet/made"));
    EXPECT_EQ(Database::nearestExistingDirectory(missing), QDir::cleanPath(dir.path()));
    EXPECT_EQ(Database::nearestExistingDirectory(dir.path()), QDir::cleanPath(dir.path()));
    EXPECT_TRUE(Database::checkLocalPath(missing + QStringLiteral("/frontdesk.db")));
    EXPECT_FALSE(Database::checkLocalPath(QStringLiteral("//server/share/frontdesk.db")));
}

TEST(Gate, StaffPhonesAndOrganisationContactsAreMaskedInTheirLists) {
    TestServices t;
    if (!t->queries().find(QStringLiteral("staff")))
        GTEST_SKIP() << "this build has no residents area";
    auto org = t.run(QStringLiteral("org.create"), QStringLiteral("admin"),
                     {{QStringLiteral("name"), QStringLiteral("顺丰速运")},
                      {QStringLiteral("kind"), QStringLiteral("contractor")},
                      {QStringLiteral("contact"), QStringLiteral("王师傅")},
                      {QStringLiteral("phone"), QStringLiteral("13812345678")}});
    ASSERT_TRUE(org) << org.error().message.en.toStdString();
    auto list = t->query(QStringLiteral("organisations"), {}, t.actor(QStringLiteral("admin")));
    ASSERT_TRUE(list);
    bool seen = false;
    for (const QVariantList& row : list->rows)
        for (const QVariant& cell : row) {
            EXPECT_FALSE(cell.toString().contains(QStringLiteral("13812345678")));
            seen = seen || cell.toString() == QStringLiteral("138****5678");
        }
    EXPECT_TRUE(seen);
}

} // namespace
} // namespace fd::testing
