#include "test_services.h"

#include "all_modules.h"
#include "db/sql.h"

namespace fd::testing {

QDateTime startTime() {
    return QDateTime(QDate(2026, 3, 2), QTime(1, 0), Qt::UTC);
}

TestServices::TestServices(std::vector<Module> modules, bool allModules, const QString& policyPath)
    : clock_(std::make_shared<FixedClock>(startTime())) {
    open(std::move(modules), allModules, policyPath);
    auto admin = services_->initialise(QStringLiteral("admin"), QStringLiteral("管理员"),
                                       QStringLiteral("admin-pass"));
    if (!admin)
        throw std::runtime_error(admin.error().message.en.toStdString());
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

} // namespace fd::testing
