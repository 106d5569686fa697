#pragma once

#include "residents/registry.h"

#include <QByteArray>
#include <QSqlDatabase>

// Importing residents from a CSV (UTF-8, header row, BOM and quoted fields allowed) or
// XLSX file (first sheet, header row). An import is all or nothing: every problem is
// reported with its line and column, duplicates included, and nothing is written while
// one remains. The columns (Chinese or English header, any order):
//   房号 room_code* | 类型 kind* | 姓名 name* | 身份证后四位 id_tail | 电话 phone |
//   电话2 phone2 | 入住日期 move_in (yyyy-MM-dd) | 备注 notes
namespace fd::residents {

struct ImportColumn {
    QString key; // room_code, kind, name, id_tail, phone, phone2, move_in, notes
    Text title;
    bool required = false;
};
const QList<ImportColumn>& importColumns();

struct ImportProblem {
    int line = 0;       // 1 is the header row
    int column = 0;     // 1-based; 0: the whole row or file
    QString columnName; // as written in the file's header
    Text message;
    [[nodiscard]] QString text(bool chinese) const; // "第3行 第2列（类型）：..."
};

struct ImportRow {
    int line = 0;
    RoomCode room;
    ResidentKind kind = ResidentKind::Owner;
    QString name;
    QString idTail;
    QString phone;
    QString phone2;
    QDate moveIn;
    QString notes;
};

struct ImportFile {
    QList<ImportRow> rows;
    QList<ImportProblem> problems;
    QString encoding; // how a CSV file was read: "UTF-8" or "GB18030"; empty for XLSX
};

// Parses and validates each cell; problems are collected, not returned as errors. An
// Error is returned only when the file cannot be read at all.
Result<ImportFile> readResidentCsv(const QByteArray& content);
Result<ImportFile> readResidentXlsx(const QString& path);
Result<ImportFile> readResidentFile(const QString& path); // by suffix: .csv or .xlsx

// Adds the duplicates: rows repeating another row of the file, and rows naming a current
// resident already registered in that room.
Status findDuplicates(const QSqlDatabase& db, ImportFile& file);

// Reads, validates and checks duplicates: what a form shows before importing. The parsed
// file is kept for the import action (prepareResidentImport).
Result<ImportFile> previewResidentImport(const QSqlDatabase& db, const QString& path);

// Parsing is slow work (unzip, XML, every cell checked) and must not run inside the import
// action's write transaction, where it would hold the database's write lock. Callers parse
// before they run resident.import (the action's prepare step does it for every caller):
// prepareResidentImport() reads the file and keeps the result; the action's handler takes it
// (preparedResidentFile) when the file is unchanged (same size and modification time) and only then
// checks duplicates against the database. A file nobody prepared, or one changed since, is read by
// the handler itself.
Result<ImportFile> prepareResidentImport(const QString& path);
Result<ImportFile> preparedResidentFile(const QString& path);
// The import action's prepare step (run by the bus before its transaction, on every path):
// parses the file unless an unchanged parse is kept already (the page's preview).
Status keepResidentImportPrepared(const QString& path);

// The template clerks fill in: the header row and one example row.
Status writeResidentTemplateCsv(const QString& path);
Status writeResidentTemplateXlsx(const QString& path);

} // namespace fd::residents
