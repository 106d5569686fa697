#pragma once

// What a bulk import action reads: a JSON file of records (an office's paper or Excel
// registers, converted; the large profile writes the same). Every problem names the list,
// the row and the field ("sheets[3].matters[2].severity"), and an import with a problem
// writes nothing.
#include "actions/action.h"
#include "util/error.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <memory>
#include <optional>

namespace fd::kit {

// The file's top-level object; a missing, unreadable or non-JSON file is bad input naming
// `field`.
Result<QJsonObject> readImportFile(const QString& path,
                                   const QString& field = QStringLiteral("file"));

// One record of an import. Reads keep the first problem and give a neutral value after it;
// `problem()` tells whether the record (or a row read through it) had one.
class ImportRecord final {
public:
    // Row `row` (1-based) of the list `list` ("sheets") of the file's object.
    ImportRecord(const QString& list, int row, QJsonObject object);

    // Required text is refused when empty; longer than maxLength is refused.
    QString text(const char* key, bool required, int maxLength = 200) const;
    // One of `choices`; absent or empty gives `fallback` (refused when that is empty).
    QString choice(const char* key, const QStringList& choices, const QString& fallback = {}) const;
    // Office time "yyyy-MM-dd HH:mm" as stored (UTC); absent gives "" (refused if required).
    QString time(const char* key, bool required) const;
    // "yyyy-MM-dd"; refused when absent or not a date.
    QDate date(const char* key) const;
    bool flag(const char* key, bool fallback) const;
    // A whole number in [min, max]; absent gives `fallback`.
    qint64 number(const char* key, qint64 fallback, qint64 min, qint64 max) const;
    // The rows of a nested list ("matters"), each naming this record: sheets[3].matters[2].
    QList<ImportRecord> rows(const char* key) const;
    // Records a problem with the field `key` of this row.
    void refuse(const char* key, const QString& en, const QString& zh) const;

    [[nodiscard]] const QString& path() const { return path_; }
    [[nodiscard]] bool has(const char* key) const;
    // The first problem of this record or of any row read through it.
    [[nodiscard]] std::optional<Error> problem() const { return *problem_; }

private:
    ImportRecord(QString path, QJsonObject object, std::shared_ptr<std::optional<Error>> slot);
    QString path_;
    QJsonObject object_;
    std::shared_ptr<std::optional<Error>> problem_;
};

// The rows of the top-level list `list` of an import file (absent: none); a value that is
// not a list of objects is bad input naming the list.
Result<QList<ImportRecord>> importRows(const QJsonObject& file, const QString& list);

// Writes the records of an import file (a problem: nothing) and gives their counts.
using ImportRun = std::function<Result<QJsonObject>(ActionContext& ctx, const QJsonObject& file)>;

// The action `name` that imports a file of records (the "file" parameter, a path): `run`
// writes them, and the audit row of `entity` names the file and holds the counts. Bringing
// in registers is an administrator's job (the "data.import" permission), not the clerks'.
ActionDef importAction(const QString& name, const Text& title, const QString& entity,
                       ImportRun run);

// The same for an import class: `Import(ctx).run(file)` writes, `summary()` counts.
template <typename Import>
ActionDef importAction(const QString& name, const Text& title, const QString& entity) {
    return importAction(name, title, entity,
                        [](ActionContext& ctx, const QJsonObject& file) -> Result<QJsonObject> {
                            Import import(ctx);
                            if (auto ok = import.run(file); !ok)
                                return fail(ok.error()); // the bus rolls the whole batch back
                            return import.summary();
                        });
}

} // namespace fd::kit
