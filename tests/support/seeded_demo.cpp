#include "seeded_demo.h"

#include "all_modules.h"

#include <stdexcept>

namespace fd::testing {

SeededDemo::SeededDemo(const QDateTime& present)
    : present_(std::make_shared<FixedClock>(present)),
      history_(std::make_shared<HistoryClock>(present_)) {
    ServicesOptions options;
    options.databasePath = dir_.filePath(QStringLiteral("frontdesk.db"));
    options.clock = history_;
    auto s = openServices(std::move(options));
    if (!s)
        throw std::runtime_error(s.error().message.en.toStdString());
    services_ = std::move(*s);
    auto admin = services_->initialise(QStringLiteral("admin"), QStringLiteral("管理员"),
                                       QStringLiteral("admin-pass"));
    if (!admin)
        throw std::runtime_error(admin.error().message.en.toStdString());
}

SeededDemo::~SeededDemo() = default;

Status SeededDemo::seed() {
    const Actor admin = actor(QStringLiteral("admin"));
    SeedOptions options;
    options.profile = QStringLiteral("demo");
    options.history = history_.get();
    for (const Module& m : services_->modules()) {
        if (!m.seed)
            continue;
        auto ok = m.seed(*services_, admin, options);
        history_->resume();
        if (!ok)
            return fail(Error::internal(m.area + QStringLiteral(": ") + ok.error().message.en));
    }
    return {};
}

Actor SeededDemo::actor(const QString& login) const {
    auto u = services_->users().find(login);
    if (!u)
        throw std::runtime_error("no such user");
    return Actor{u->id, u->login, u->displayName, u->roles, u->staffId};
}

} // namespace fd::testing
