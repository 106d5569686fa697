#pragma once

#include <QString>
#include <fmt/format.h>
#include <memory>
#include <spdlog/logger.h>

template <> struct fmt::formatter<QString> : fmt::formatter<std::string_view> {
    template <typename Ctx> auto format(const QString& s, Ctx& ctx) const {
        const QByteArray u = s.toUtf8();
        return fmt::formatter<std::string_view>::format(std::string_view(u.constData(), u.size()),
                                                        ctx);
    }
};

namespace fd::log {

// Sends every area's logger to a rotating file in `directory` (frontdesk.log).
void init(const QString& directory);
// One named logger per area: "fd.db", "fd.rules", "fd.audit", "fd.auth", "fd.actions", ...
std::shared_ptr<spdlog::logger> get(const char* area);

} // namespace fd::log
