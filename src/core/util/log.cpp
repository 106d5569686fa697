#include "util/log.h"

#include <QDir>
#include <mutex>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/spdlog.h>

namespace fd::log {
namespace {
std::mutex mutex;
spdlog::sink_ptr fileSink;
} // namespace

void init(const QString& directory) {
    const std::lock_guard lock(mutex);
    QDir().mkpath(directory);
    const QString file = QDir(directory).filePath(QStringLiteral("frontdesk.log"));
    fileSink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(file.toStdString(),
                                                                      5 * 1024 * 1024, 5);
    spdlog::apply_all([](const std::shared_ptr<spdlog::logger>& l) {
        l->sinks().clear();
        l->sinks().push_back(fileSink);
    });
    spdlog::flush_every(std::chrono::seconds(2));
}

std::shared_ptr<spdlog::logger> get(const char* area) {
    const std::lock_guard lock(mutex);
    if (auto existing = spdlog::get(area))
        return existing;
    spdlog::sink_ptr sink = fileSink ? fileSink : std::make_shared<spdlog::sinks::null_sink_mt>();
    auto logger = std::make_shared<spdlog::logger>(area, sink);
    logger->set_level(spdlog::level::info);
    logger->flush_on(spdlog::level::warn);
    spdlog::register_logger(logger);
    return logger;
}

} // namespace fd::log
