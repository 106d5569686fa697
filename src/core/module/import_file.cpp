#include "module/import_file.h"

#include "module/toolkit.h"
#include "util/clock.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimeZone>

namespace fd::kit {

Result<QJsonObject> readImportFile(const QString& path, const QString& field) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(Error::badInput(field, {QStringLiteral("Cannot read %1.").arg(path),
                                            QStringLiteral("无法读取文件 %1。").arg(path)}));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fail(Error::badInput(
            field,
            {QStringLiteral("Nothing was imported: %1 is not a JSON import file (at byte %2: %3).")
                 .arg(QFileInfo(path).fileName())
                 .arg(error.offset)
                 .arg(error.errorString()),
             QStringLiteral("未导入任何记录：%1 不是 JSON 导入文件（第 %2 字节：%3）。")
                 .arg(QFileInfo(path).fileName())
                 .arg(error.offset)
                 .arg(error.errorString())}));
    return doc.object();
}

ImportRecord::ImportRecord(const QString& list, int row, QJsonObject object)
    : ImportRecord(QStringLiteral("%1[%2]").arg(list).arg(row), std::move(object),
                   std::make_shared<std::optional<Error>>()) {}

ImportRecord::ImportRecord(QString path, QJsonObject object,
                           std::shared_ptr<std::optional<Error>> slot)
    : path_(std::move(path)), object_(std::move(object)), problem_(std::move(slot)) {}

void ImportRecord::refuse(const char* key, const QString& en, const QString& zh) const {
    if (problem_->has_value())
        return;
    const QString field = *key != '\0' ? path_ + QLatin1Char('.') + QLatin1String(key) : path_;
    *problem_ =
        Error::badInput(field, {QStringLiteral("Nothing was imported: %1: %2").arg(field, en),
                                QStringLiteral("未导入任何记录：%1：%2").arg(field, zh)});
}

bool ImportRecord::has(const char* key) const {
    const QJsonValue v = object_.value(QLatin1String(key));
    return !v.isUndefined() && !v.isNull() && !(v.isString() && v.toString().isEmpty());
}

QString ImportRecord::text(const char* key, bool required, int maxLength) const {
    const QJsonValue v = object_.value(QLatin1String(key));
    if (!v.isUndefined() && !v.isNull() && !v.isString()) {
        refuse(key, QStringLiteral("must be text"), QStringLiteral("应为文本"));
        return QLatin1String("");
    }
    const QString t = v.toString().trimmed();
    if (required && t.isEmpty())
        refuse(key, QStringLiteral("is required"), QStringLiteral("为必填项"));
    else if (t.size() > maxLength)
        refuse(key, QStringLiteral("is too long (at most %1 characters)").arg(maxLength),
               QStringLiteral("过长（最多 %1 个字符）").arg(maxLength));
    return t.isNull() ? QLatin1String("") : t;
}

QString ImportRecord::choice(const char* key, const QStringList& choices,
                             const QString& fallback) const {
    const QString t = text(key, fallback.isEmpty());
    if (t.isEmpty())
        return fallback;
    if (!choices.contains(t)) {
        refuse(key,
               QStringLiteral("%1 is not one of %2").arg(t, choices.join(QStringLiteral(", "))),
               QStringLiteral("「%1」应为 %2 之一").arg(t, choices.join(QStringLiteral("、"))));
        return fallback;
    }
    return t;
}

QString ImportRecord::time(const char* key, bool required) const {
    const QString t = text(key, required);
    if (t.isEmpty())
        return t;
    // Read by parts: a QDateTime in the machine's zone would look the zone up every time.
    const QDate day = QDate::fromString(t.left(10), Qt::ISODate);
    const QTime at = QTime::fromString(t.mid(11), QStringLiteral("HH:mm"));
    if (t.size() != 16 || t.at(10) != QLatin1Char(' ') || !day.isValid() || !at.isValid()) {
        refuse(key, QStringLiteral("%1 is not an office time like 2016-03-05 08:05").arg(t),
               QStringLiteral("「%1」不是时间，格式应为 2016-03-05 08:05").arg(t));
        return QLatin1String("");
    }
    return toStorage(QDateTime(day, at, Clock::officeZone()).toUTC());
}

QDate ImportRecord::date(const char* key) const {
    const QString t = text(key, true);
    const QDate d = QDate::fromString(t, Qt::ISODate);
    if (!t.isEmpty() && !d.isValid())
        refuse(key, QStringLiteral("%1 is not a date like 2016-03-05").arg(t),
               QStringLiteral("「%1」不是日期，格式应为 2016-03-05").arg(t));
    return d;
}

bool ImportRecord::flag(const char* key, bool fallback) const {
    const QJsonValue v = object_.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool())
        refuse(key, QStringLiteral("must be true or false"), QStringLiteral("应为 true 或 false"));
    return v.toBool(fallback);
}

qint64 ImportRecord::number(const char* key, qint64 fallback, qint64 min, qint64 max) const {
    const QJsonValue v = object_.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return fallback;
    const double d = v.toDouble(-1e300);
    const auto n = static_cast<qint64>(d);
    if (!v.isDouble() || static_cast<double>(n) != d || n < min || n > max) {
        refuse(key, QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max),
               QStringLiteral("应为 %1 至 %2 的整数").arg(min).arg(max));
        return fallback;
    }
    return n;
}

QList<ImportRecord> ImportRecord::rows(const char* key) const {
    QList<ImportRecord> out;
    const QJsonValue v = object_.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return out;
    if (!v.isArray()) {
        refuse(key, QStringLiteral("must be a list"), QStringLiteral("应为列表"));
        return out;
    }
    const QJsonArray list = v.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = QStringLiteral("%1.%2[%3]").arg(path_, QLatin1String(key)).arg(i + 1);
        if (!list.at(i).isObject()) {
            ImportRecord(path, {}, problem_)
                .refuse("", QStringLiteral("must be an object"), QStringLiteral("应为对象"));
            return {};
        }
        out.push_back(ImportRecord(path, list.at(i).toObject(), problem_));
    }
    return out;
}

Result<QList<ImportRecord>> importRows(const QJsonObject& file, const QString& list) {
    const QJsonValue v = file.value(list);
    QList<ImportRecord> out;
    if (v.isUndefined() || v.isNull())
        return out;
    auto refuse = [&](int row) {
        const QString field = row == 0 ? list : QStringLiteral("%1[%2]").arg(list).arg(row);
        return fail(Error::badInput(
            field,
            {QStringLiteral("Nothing was imported: %1 must be a list of objects.").arg(field),
             QStringLiteral("未导入任何记录：%1 应为对象列表。").arg(field)}));
    };
    if (!v.isArray())
        return refuse(0);
    const QJsonArray rows = v.toArray();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (!rows.at(i).isObject())
            return refuse(static_cast<int>(i + 1));
        out.push_back(ImportRecord(list, static_cast<int>(i + 1), rows.at(i).toObject()));
    }
    return out;
}

ActionDef importAction(const QString& name, const Text& title, const QString& entity,
                       ImportRun run) {
    ParamSpec file = param("file", ParamType::Text, true, tx("File", "文件"));
    file.maxLength = 1000;
    ActionDef def{
        name, title, {file}, [entity, run](ActionContext& ctx) -> Result<ActionOutcome> {
            const QString path = textParam(ctx.params, "file");
            auto records = readImportFile(path);
            if (!records)
                return fail(records.error());
            auto summary = run(ctx, *records);
            if (!summary)
                return fail(summary.error());
            summary->insert(QStringLiteral("file"), QFileInfo(path).fileName());
            return ActionOutcome{entity, QFileInfo(path).fileName(), {}, *summary, *summary};
        }};
    def.permission = QStringLiteral("data.import");
    return def;
}

} // namespace fd::kit
