#pragma once

#include "services/services.h"
#include "util/clock.h"

#include <QTemporaryDir>
#include <memory>

namespace fd::testing {

// The services as `frontdeskctl seed --profile demo` opens them, on a fresh database file,
// with the seed command's history clock running on a fixed present instead of the system's
// time; an administrator "admin" (password "admin-pass").
class SeededDemo {
public:
    explicit SeededDemo(const QDateTime& present);
    ~SeededDemo();

    // What the seed command does: each area's seed in order, the history clock resumed after
    // each.
    Status seed();

    Actor actor(const QString& login) const;
    const Services& services() const { return *services_; }
    const HistoryClock& history() const { return *history_; }
    QSqlDatabase db() const { return services_->database().connection(); }

private:
    QTemporaryDir dir_;
    std::shared_ptr<FixedClock> present_;
    std::shared_ptr<HistoryClock> history_;
    std::unique_ptr<Services> services_;
};

} // namespace fd::testing
