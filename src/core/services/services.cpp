#include "services/services.h"

#include "audit/audit_log.h"
#include "auth/password.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "services/permission.h"
#include "services/policy_store.h"
#include "util/log.h"

namespace fd {
namespace {

const QString kDemoKey = QStringLiteral("database.demo");

Error policyErrors(const Policy& policy, const QList<LintError>& problems) {
    QStringList lines;
    for (const LintError& e : problems)
        lines << e.path + QStringLiteral(": ") + e.message;
    return Error::badInput(QStringLiteral("policy"),
                           {QStringLiteral("The policy %1 has errors:\n%2")
                                .arg(policy.origin(), lines.join(QLatin1Char('\n'))),
                            QStringLiteral("规则文件 %1 有错误：\n%2")
                                .arg(policy.origin(), lines.join(QLatin1Char('\n')))});
}

} // namespace

Services::~Services() {
    bus_.reset();
    users_.reset();
    if (database_)
        database_->closeThreadConnection();
}

Result<std::unique_ptr<Services>> Services::open(ServicesOptions options) {
    std::unique_ptr<Services> s(new Services());
    s->clock_ = options.clock ? options.clock : std::make_shared<SystemClock>();
    auto db = Database::open(options.databasePath, options.databaseOptions);
    if (!db)
        return fail(db.error());
    s->database_ = *db;

    const bool explicitPolicy = !options.policyPath.isEmpty();
    // The built-in policy is the core's composed with the fragment each area carries.
    QStringList fragments;
    for (const Module& m : options.modules)
        if (QFile::exists(m.policyFragment()))
            fragments << m.policyFragment();
    fragments.sort();
    auto candidate =
        explicitPolicy ? Policy::loadFile(options.policyPath) : Policy::builtIn(fragments);
    if (!candidate)
        return fail(candidate.error());

    // Modules may read the policy while they register (a post's shifts); until the stored
    // version is read below, the candidate stands in.
    s->policies_.push_back(std::make_shared<const Policy>(*candidate));
    registerCoreChecks(s->checks_);
    s->modules_.push_back(coreModule());
    for (auto& m : options.modules)
        s->modules_.push_back(std::move(m));
    for (const Module& m : s->modules_) {
        s->actions_.beginArea(m.area);
        if (m.registerAll)
            m.registerAll(*s);
    }
    s->actions_.beginArea({});

    const QList<LintError> problems = Policy::lint(candidate->source(), s->actions_, s->checks_,
                                                   Policy::LintMode::SkipAbsentAreas);
    if (!problems.isEmpty())
        return fail(policyErrors(*candidate, problems));

    if (options.migrate) {
        std::vector<MigrationSource> sources;
        for (const Module& m : s->modules_)
            if (!m.migrations.isEmpty())
                sources.push_back({m.area, m.migrations});
        auto report = Migrator(sources).apply(*s->database_, *s->clock_, options.backupDirectory);
        if (!report)
            return fail(report.error());
    }
    if (auto ok = s->adoptPolicy(std::move(*candidate), explicitPolicy, fragments); !ok)
        return fail(ok.error());

    LockoutPolicy lockout;
    lockout.maxFailures = s->policy().intParameter(QStringLiteral("auth.max_failed_logins"), 5);
    lockout.windowMinutes =
        s->policy().intParameter(QStringLiteral("auth.failure_window_minutes"), 15);
    lockout.lockMinutes = s->policy().intParameter(QStringLiteral("auth.lock_minutes"), 30);
    lockout.policyVersion = s->policy().version();
    s->users_ = std::make_unique<UserDirectory>(*s->database_, *s->clock_, lockout);
    s->bus_ = std::make_unique<ActionBus>(*s);
    return s;
}

// Which policy is in force. Before the database has a user (before `init`), the candidate
// is used and nothing is written: `initialise` stores it with the first audit row. After,
// the newest stored version is in force, except that
// - a policy given in code (tests) is stored when it differs from the newest,
// - a database that follows the built-in policy adopts the program's newer built-in one, and
// - an office's own policy that does not cover an area of this program yet (the area came
//   with a newer program) is supplemented with that area's fragment, the office's own
//   rules, permissions and parameters kept as they are.
// Each write is audited as policy.adopt.
Status Services::adoptPolicy(Policy candidate, bool explicitPolicy, const QStringList& fragments) {
    const QSqlDatabase db = database_->connection();
    auto hasPolicyTable = sql::scalar(db, DialectSql::tableExists(database_->dialect()),
                                      {QStringLiteral("policy_versions")});
    if (!hasPolicyTable)
        return fail(hasPolicyTable.error());
    auto users = hasPolicyTable->toInt() > 0
                     ? sql::scalar(db, QStringLiteral("SELECT count(*) FROM users"))
                     : Result<QVariant>(QVariant(0));
    if (!users)
        return fail(users.error());
    policyOrigin_ = explicitPolicy ? QStringLiteral("applied") : QStringLiteral("built-in");
    if (hasPolicyTable->toInt() == 0 || users->toInt() == 0) {
        policies_.push_back(std::make_shared<const Policy>(std::move(candidate)));
        return {};
    }
    auto stored = policy_store::latest(db);
    if (!stored)
        return fail(stored.error());
    const bool differs = !*stored || (*stored)->sha256 != candidate.sha256();
    const bool adopt =
        differs && (explicitPolicy || !*stored || (*stored)->origin == QStringLiteral("built-in"));
    if (adopt) {
        const QString origin =
            explicitPolicy ? QStringLiteral("applied") : QStringLiteral("built-in");
        return storePolicy(std::move(candidate), origin, {});
    }
    QList<PolicyFragment> missing;
    for (const QString& path : fragments) {
        auto fragment = PolicyFragment::load(path);
        if (!fragment)
            return fail(fragment.error());
        if (!Policy::covers((*stored)->source, *fragment))
            missing << *fragment;
    }
    if (!missing.isEmpty()) {
        auto json = Policy::compose((*stored)->source, missing, Policy::ComposeMode::Supplement);
        if (!json)
            return fail(json.error());
        auto supplemented = Policy::fromJson(*json, QStringLiteral("database"));
        if (!supplemented)
            return fail(supplemented.error());
        QJsonArray added;
        for (const PolicyFragment& f : missing)
            added.append(f.area);
        return storePolicy(std::move(*supplemented), (*stored)->origin,
                           {{QStringLiteral("areas_added"), added}});
    }
    auto inForce = Policy::fromJson((*stored)->source, QStringLiteral("database"));
    if (!inForce)
        return fail(inForce.error());
    const QList<LintError> problems =
        Policy::lint(inForce->source(), actions_, checks_, Policy::LintMode::SkipAbsentAreas);
    if (!problems.isEmpty())
        return fail(policyErrors(*inForce, problems));
    policies_.push_back(std::make_shared<const Policy>(std::move(*inForce)));
    policyId_ = (*stored)->id;
    return {};
}

Status Services::storePolicy(Policy candidate, const QString& origin, const QJsonObject& detail) {
    const QSqlDatabase db = database_->connection();
    auto tx = WriteTransaction::begin(db, database_->dialect());
    if (!tx)
        return fail(tx.error());
    // Another process may have stored the same version meanwhile.
    auto again = policy_store::latest(db);
    if (!again)
        return fail(again.error());
    if (*again && (*again)->sha256 == candidate.sha256()) {
        tx->rollback();
        policyId_ = (*again)->id;
        policies_.push_back(std::make_shared<const Policy>(std::move(candidate)));
        return {};
    }
    const QDateTime now = clock_->nowUtc();
    auto id = policy_store::store(db, candidate, origin, QStringLiteral("system"), now);
    if (!id)
        return fail(id.error());
    QJsonObject after{{QStringLiteral("version"), candidate.version()},
                      {QStringLiteral("sha256"), candidate.sha256()},
                      {QStringLiteral("origin"), origin}};
    for (auto it = detail.begin(); it != detail.end(); ++it)
        after.insert(it.key(), it.value());
    AuditEntry e{QStringLiteral("system"),
                 QStringLiteral("policy.adopt"),
                 QStringLiteral("policy"),
                 QString::number(*id),
                 *again ? QJsonObject{{QStringLiteral("version"), (*again)->version}}
                        : QJsonObject{},
                 after,
                 {},
                 candidate.version(),
                 {}};
    if (auto seq = AuditLog::append(db, now, e); !seq)
        return fail(seq.error());
    if (auto ok = tx->commit(); !ok)
        return fail(ok.error());
    log::get("fd.policy")->info("policy {} adopted ({})", candidate.version(), origin);
    policyId_ = *id;
    policies_.push_back(std::make_shared<const Policy>(std::move(candidate)));
    return {};
}

Status Services::refreshPolicy(const QSqlDatabase& db) const {
    auto id = policy_store::latestId(db);
    if (!id)
        return fail(id.error());
    if (*id <= policyId_)
        return {};
    auto stored = policy_store::latest(db);
    if (!stored)
        return fail(stored.error());
    if (!*stored)
        return {};
    auto next = Policy::fromJson((*stored)->source, QStringLiteral("database"));
    if (!next)
        return fail(next.error());
    const QList<LintError> problems =
        Policy::lint(next->source(), actions_, checks_, Policy::LintMode::SkipAbsentAreas);
    if (!problems.isEmpty())
        return fail(policyErrors(*next, problems));
    log::get("fd.policy")->info("policy {} in force from now on", next->version());
    policies_.push_back(std::make_shared<const Policy>(std::move(*next)));
    policyId_ = (*stored)->id;
    return {};
}

Result<Actor> Services::currentActor(const Actor& actor) const {
    auto u = users_->findById(actor.userId);
    if (!u && u.error().kind != Error::Kind::NotFound)
        return fail(u.error()); // the database, not the account: say so
    if (!u)
        return fail(Error::auth({QStringLiteral("The account %1 does not exist.").arg(actor.login),
                                 QStringLiteral("账户 %1 不存在。").arg(actor.login)}));
    if (!u->active) {
        Error e = Error::auth({QStringLiteral("The account %1 is disabled.").arg(u->login),
                               QStringLiteral("账户 %1 已停用。").arg(u->login)});
        e.field = QStringLiteral("as");
        return fail(e);
    }
    return Actor{u->id, u->login, u->displayName, u->roles, u->staffId};
}

Result<QueryResult> Services::query(const QString& name, const QVariantMap& params,
                                    const Actor& actor) const {
    const QueryDef* def = queries_.find(name);
    if (def == nullptr)
        return fail(Error::badInput(QStringLiteral("query"),
                                    {QStringLiteral("Unknown query %1.").arg(name),
                                     QStringLiteral("未知查询「%1」。").arg(name)}));
    const QSqlDatabase db = database_->connection();
    if (auto ok = refreshPolicy(db); !ok)
        return fail(ok.error());
    // Roles as they are now, not as they were at sign-in.
    auto current = currentActor(actor);
    if (!current) {
        bus_->reportAccessRevoked(actor);
        return fail(current.error());
    }
    if (!def->permission.isEmpty() && !policy().permits(current->roles, def->permission))
        return fail(permissionRefusal(policy(), *current, def->permission, def->title));
    auto valid = validateParams(def->params, params, clock().officeToday());
    if (!valid)
        return fail(valid.error());
    return def->run(QueryContext{*this, db, *current, *valid});
}

Result<bool> Services::initialised() const {
    auto n = users_->count();
    if (!n)
        return fail(n.error());
    return *n > 0;
}

Result<bool> Services::isDemo() const {
    auto v = sql::scalar(database_->connection(),
                         QStringLiteral("SELECT value FROM settings WHERE key = ?"), {kDemoKey});
    if (!v)
        return fail(v.error());
    return v->toString() == QStringLiteral("1");
}

Result<qint64> Services::initialise(const QString& login, const QString& displayName,
                                    const QString& clearPassword, bool demo) const {
    auto done = initialised();
    if (!done)
        return fail(done.error());
    if (*done)
        return fail(Error::badInput(QStringLiteral("admin"),
                                    {QStringLiteral("The database is initialised already."),
                                     QStringLiteral("数据库已初始化。")}));
    if (login.trimmed().isEmpty())
        return fail(Error::badInput(QStringLiteral("admin"),
                                    {QStringLiteral("The administrator login is required."),
                                     QStringLiteral("必须填写管理员登录名。")}));
    if (auto strong = password::checkStrength(clearPassword); !strong)
        return fail(strong.error());
    auto hash = password::hash(clearPassword); // before the transaction: it is slow work
    if (!hash)
        return fail(hash.error());
    const QSqlDatabase db = database_->connection();
    auto tx = WriteTransaction::begin(db, database_->dialect());
    if (!tx)
        return fail(tx.error());
    const QString name = displayName.isEmpty() ? login : displayName;
    auto id = users_->insert(login, name, *hash, {QStringLiteral("admin")}, 0);
    if (!id)
        return fail(id.error());
    const QDateTime now = clock_->nowUtc();
    // The policy in force from the first row on is stored with it.
    auto policyId = policy_store::store(db, policy(), policyOrigin_, login, now);
    if (!policyId)
        return fail(policyId.error());
    if (demo) {
        auto mark = sql::exec(
            db, QStringLiteral("INSERT INTO settings(key, value) VALUES (?, '1')"), {kDemoKey});
        if (!mark)
            return fail(mark.error());
    }
    AuditEntry e{login,
                 QStringLiteral("system.init"),
                 QStringLiteral("user"),
                 QString::number(*id),
                 {},
                 {{QStringLiteral("login"), login},
                  {QStringLiteral("display_name"), name},
                  {QStringLiteral("roles"), QStringLiteral("admin")},
                  {QStringLiteral("demo"), demo},
                  {QStringLiteral("policy_version"), policy().version()}},
                 {},
                 policy().version(),
                 {}};
    if (auto seq = AuditLog::append(db, now, e); !seq)
        return fail(seq.error());
    if (auto ok = tx->commit(); !ok)
        return fail(ok.error());
    policyId_ = *policyId;
    log::get("fd.auth")->info("database initialised with administrator {}{}", login,
                              demo ? " (demo database)" : "");
    return *id;
}

} // namespace fd
