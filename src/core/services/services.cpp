#include "services/services.h"

#include "audit/audit_log.h"
#include "auth/password.h"
#include "db/sql.h"
#include "db/transaction.h"
#include "util/log.h"

namespace fd {

Services::~Services() {
    bus_.reset();
    users_.reset();
    if (database_)
        database_->closeThreadConnection();
}

Result<std::unique_ptr<Services>> Services::open(ServicesOptions options) {
    std::unique_ptr<Services> s(new Services());
    s->clock_ = options.clock ? options.clock : std::make_shared<SystemClock>();
    auto db = Database::openSqlite(options.databasePath, options.databaseOptions);
    if (!db)
        return fail(db.error());
    s->database_ = *db;

    auto policy =
        options.policyPath.isEmpty() ? Policy::builtIn() : Policy::loadFile(options.policyPath);
    if (!policy)
        return fail(policy.error());
    s->policy_ = std::move(*policy);

    registerCoreChecks(s->checks_);
    s->modules_.push_back(coreModule());
    for (auto& m : options.modules)
        s->modules_.push_back(std::move(m));
    for (const Module& m : s->modules_)
        if (m.registerAll)
            m.registerAll(*s);

    const QList<LintError> problems = Policy::lint(s->policy_.source(), s->actions_, s->checks_,
                                                   Policy::LintMode::SkipAbsentAreas);
    if (!problems.isEmpty()) {
        QStringList lines;
        for (const LintError& e : problems)
            lines << e.path + QStringLiteral(": ") + e.message;
        return fail(
            Error::badInput(QStringLiteral("policy"),
                            {QStringLiteral("The policy %1 has errors:\n%2")
                                 .arg(s->policy_.origin(), lines.join(QLatin1Char('\n'))),
                             QStringLiteral("规则文件 %1 有错误：\n%2")
                                 .arg(s->policy_.origin(), lines.join(QLatin1Char('\n')))}));
    }

    if (options.migrate) {
        std::vector<MigrationSource> sources;
        for (const Module& m : s->modules_)
            if (!m.migrations.isEmpty())
                sources.push_back({m.area, m.migrations});
        auto report = Migrator(sources).apply(*s->database_, *s->clock_, options.backupDirectory);
        if (!report)
            return fail(report.error());
    }

    LockoutPolicy lockout;
    lockout.maxFailures = s->policy_.intParameter(QStringLiteral("auth.max_failed_logins"), 5);
    lockout.windowMinutes =
        s->policy_.intParameter(QStringLiteral("auth.failure_window_minutes"), 15);
    lockout.lockMinutes = s->policy_.intParameter(QStringLiteral("auth.lock_minutes"), 30);
    lockout.policyVersion = s->policy_.version();
    s->users_ = std::make_unique<UserDirectory>(*s->database_, *s->clock_, lockout);
    s->bus_ = std::make_unique<ActionBus>(*s);
    return s;
}

Result<QueryResult> Services::query(const QString& name, const QVariantMap& params,
                                    const Actor& actor) const {
    const QueryDef* def = queries_.find(name);
    if (def == nullptr)
        return fail(Error::badInput(QStringLiteral("query"),
                                    {QStringLiteral("Unknown query %1.").arg(name),
                                     QStringLiteral("未知查询「%1」。").arg(name)}));
    if (!def->permission.isEmpty() && !policy_.permits(actor.roles, def->permission))
        return fail(
            Error::refused(QStringLiteral("permission"), QStringLiteral("R1-1.3.7"),
                           {QStringLiteral("Your roles do not allow the list %1.").arg(name),
                            QStringLiteral("您的角色无权查看「%1」。").arg(def->title.zh)}));
    auto valid = validateParams(def->params, params);
    if (!valid)
        return fail(valid.error());
    return def->run(QueryContext{*this, database_->connection(), actor, *valid});
}

Result<bool> Services::initialised() const {
    auto n = users_->count();
    if (!n)
        return fail(n.error());
    return *n > 0;
}

Result<qint64> Services::initialise(const QString& login, const QString& displayName,
                                    const QString& clearPassword) const {
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
    auto hash = password::hash(clearPassword);
    if (!hash)
        return fail(hash.error());
    auto tx = WriteTransaction::begin(database_->connection(), database_->dialect());
    if (!tx)
        return fail(tx.error());
    const QString name = displayName.isEmpty() ? login : displayName;
    auto id = users_->insert(login, name, *hash, {QStringLiteral("admin")}, 0);
    if (!id)
        return fail(id.error());
    AuditEntry e{login,
                 QStringLiteral("system.init"),
                 QStringLiteral("user"),
                 QString::number(*id),
                 {},
                 {{QStringLiteral("login"), login},
                  {QStringLiteral("display_name"), name},
                  {QStringLiteral("roles"), QStringLiteral("admin")}},
                 {},
                 policy_.version(),
                 {}};
    if (auto seq = AuditLog::append(database_->connection(), clock_->nowUtc(), e); !seq)
        return fail(seq.error());
    if (auto ok = tx->commit(); !ok)
        return fail(ok.error());
    log::get("fd.auth")->info("database initialised with administrator {}", login);
    return *id;
}

} // namespace fd
