#include "test_services.h"

#include "all_modules.h"
#include "db/sql.h"
#include "server_database.h"

#include <QJsonDocument>

namespace fd::testing {

QJsonObject builtInPolicy() {
    auto policy = Policy::builtIn();
    EXPECT_TRUE(policy) << (policy ? std::string() : policy.error().message.en.toStdString());
    return policy ? QJsonDocument::fromJson(policy->source()).object() : QJsonObject{};
}

void addTestClause(QJsonObject& policy, const QString& id) {
    QJsonObject house = policy.value(QStringLiteral("house_clauses")).toObject();
    house.insert(id,
                 QJsonObject{{QStringLiteral("en"), QString(QStringLiteral("Test clause ") + id)},
                             {QStringLiteral("zh"), QString(QStringLiteral("测试条款 ") + id)}});
    policy.insert(QStringLiteral("house_clauses"), house);
}

namespace {

// The entries of `source` that `login` sees on the dashboard; fails the test when the
// source is unknown or not for the person's roles.
QList<AttentionItem> dashboardEntries(const TestServices& t, const QString& login,
                                      const QString& source) {
    const Actor actor = t.actor(login);
    for (const AttentionSource& s : t->attention().all()) {
        if (s.id != source)
            continue;
        const bool mine =
            s.roles.isEmpty() || std::any_of(s.roles.cbegin(), s.roles.cend(),
                                             [&](const QString& r) { return actor.hasRole(r); });
        EXPECT_TRUE(mine) << source.toStdString() << " is not on the dashboard of "
                          << login.toStdString();
        if (!mine)
            return {};
        auto items = s.items(*t.operator->(), actor);
        EXPECT_TRUE(items) << (items ? "" : items.error().message.en.toStdString());
        return items ? *items : QList<AttentionItem>{};
    }
    ADD_FAILURE() << "no attention source " << source.toStdString();
    return {};
}

bool mentions(const Text& text, const QString& words) {
    return words.isEmpty() || text.en.contains(words) || text.zh.contains(words);
}

} // namespace

void expectReminder(const TestServices& t, const QString& login, const QString& source,
                    const QString& clause, const QString& mention) {
    const QList<AttentionItem> items = dashboardEntries(t, login, source);
    QStringList seen;
    for (const AttentionItem& item : items) {
        if (mentions(item.text, mention) && item.text.en.contains(clause) &&
            item.text.zh.contains(clause))
            return;
        seen << item.text.zh;
    }
    ADD_FAILURE() << "no entry of " << source.toStdString() << " for " << login.toStdString()
                  << " cites " << clause.toStdString() << " and mentions " << mention.toStdString()
                  << "; seen: " << seen.join(QStringLiteral(" | ")).toStdString();
}

void expectNoReminder(const TestServices& t, const QString& login, const QString& source,
                      const QString& mention) {
    for (const AttentionItem& item : dashboardEntries(t, login, source))
        EXPECT_FALSE(mentions(item.text, mention))
            << source.toStdString() << " still shows " << item.text.zh.toStdString();
}

void expectReport(const TestServices& t, const QString& login, const QString& query,
                  const QVariantMap& params, const QString& clause, const QStringList& words) {
    auto r = t->query(query, params, t.actor(login));
    ASSERT_TRUE(r) << query.toStdString() << ": " << r.error().message.en.toStdString();
    for (const QVariantList& row : r->rows) {
        QStringList cells;
        for (const QVariant& v : row)
            cells << v.toString();
        const QString line = cells.join(QLatin1Char(' '));
        if (std::all_of(words.cbegin(), words.cend(),
                        [&](const QString& w) { return line.contains(w); }))
            return;
    }
    ADD_FAILURE() << "the report " << query.toStdString() << " (" << clause.toStdString()
                  << ") has no row showing " << words.join(QStringLiteral(", ")).toStdString();
}

void expectPrinted(const QString& printedText, const QString& clause, const QStringList& words) {
    for (const QString& w : words)
        EXPECT_TRUE(printedText.contains(w)) << "the print for " << clause.toStdString()
                                             << " does not show " << w.toStdString() << "\n"
                                             << printedText.toStdString();
}

QDateTime startTime() {
    return QDateTime(QDate(2026, 3, 2), QTime(1, 0), Qt::UTC);
}

TestServices::TestServices(std::vector<Module> modules, bool allModules, const QString& policyPath)
    : clock_(std::make_shared<FixedClock>(startTime())) {
    if (qEnvironmentVariable("FD_TEST_ENGINE") == QStringLiteral("postgresql")) {
        server_ = std::make_shared<ServerDatabase>();
        if (!server_->available())
            throw std::runtime_error("FD_TEST_ENGINE=postgresql needs a server in FD_TEST_PG "
                                     "(scripts/pg_cluster.sh start DIR, then source DIR/env)");
    }
    open(std::move(modules), allModules, policyPath);
    auto admin = services_->initialise(QStringLiteral("admin"), QStringLiteral("管理员"),
                                       QStringLiteral("admin-pass"));
    if (!admin)
        throw std::runtime_error(admin.error().message.en.toStdString());
}

QString TestServices::path() const {
    return server_ ? server_->address() : dir_.filePath(QStringLiteral("frontdesk.db"));
}

TestServices::~TestServices() {
    services_.reset();
}

void TestServices::open(std::vector<Module> modules, bool allModules, const QString& policyPath) {
    extra_ = modules;
    all_ = allModules;
    policyPath_ = policyPath;
    ServicesOptions options;
    options.databasePath = path();
    options.clock = clock_;
    options.policyPath = policyPath;
    options.modules = std::move(modules);
    auto s = allModules ? openServices(std::move(options)) : Services::open(std::move(options));
    if (!s)
        throw std::runtime_error(s.error().message.en.toStdString());
    services_ = std::move(*s);
}

void TestServices::reopen() {
    services_.reset();
    open(extra_, all_, policyPath_);
}

Actor TestServices::addUser(const QString& login, const QStringList& roles, const QString& name) {
    const Actor admin = actor(QStringLiteral("admin"));
    auto r = services_->bus().execute({QStringLiteral("user.add"),
                                       {{QStringLiteral("login"), login},
                                        {QStringLiteral("name"), name.isEmpty() ? login : name},
                                        {QStringLiteral("roles"), roles.join(QLatin1Char(','))},
                                        {QStringLiteral("password"), passwordOf(login)}},
                                       admin,
                                       {},
                                       {}});
    if (!r)
        throw std::runtime_error(r.error().message.en.toStdString());
    return actor(login);
}

Actor TestServices::actor(const QString& login) const {
    auto u = services_->users().find(login);
    if (!u)
        throw std::runtime_error("no such user");
    return Actor{u->id, u->login, u->displayName, u->roles, u->staffId};
}

Result<ActionResult> TestServices::run(const QString& action, const QString& login,
                                       const QVariantMap& params,
                                       const std::vector<SignatureInput>& signatures,
                                       const QString& reason) const {
    return services_->bus().execute({action, params, actor(login), signatures, reason});
}

qint64 TestServices::auditCount() const {
    return count(QStringLiteral("audit_log"));
}

qint64 TestServices::count(const QString& table) const {
    auto v = sql::scalar(services_->database().connection(),
                         QStringLiteral("SELECT count(*) FROM ") + table);
    return v ? v->toLongLong() : -1;
}

void expectAuditNamesRegisteredActions(const TestServices& t) {
    const QStringList coreRows{QStringLiteral("system.init"), QStringLiteral("policy.adopt"),
                               QStringLiteral("auth.lockout"), QStringLiteral("backup.verified"),
                               QStringLiteral("approval.request")};
    auto q = sql::exec(t->database().connection(),
                       QStringLiteral("SELECT DISTINCT action FROM audit_log ORDER BY 1"));
    ASSERT_TRUE(q.has_value());
    int names = 0;
    while (q->next()) {
        const QString action = q->value(0).toString();
        ++names;
        EXPECT_TRUE(t->actions().find(action) != nullptr || coreRows.contains(action))
            << action.toStdString() << " is not a registered action";
    }
    EXPECT_GT(names, 1);
}

} // namespace fd::testing
