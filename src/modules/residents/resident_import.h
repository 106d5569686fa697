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
};

// Parses and validates each cell; problems are collected, not returned as errors. An
// Error is returned only when the file cannot be read at all.
Result<ImportFile> readResidentCsv(const QByteArray& content);
Result<ImportFile> readResidentXlsx(const QString& path);
Result<ImportFile> readResidentFile(const QString& path); // by suffix: .csv or .xlsx

// Adds the duplicates: rows repeating another row of the file, and rows naming a current
// resident already registered in that room.
Status findDuplicates(const QSqlDatabase& db, ImportFile& file);

// Reads, validates and checks duplicates: what a form shows before importing.
Result<ImportFile> previewResidentImport(const QSqlDatabase& db, const QString& path);

// The template clerks fill in: the header row and one example row.
Status writeResidentTemplateCsv(const QString& path);
Status writeResidentTemplateXlsx(const QString& path);

} // namespace fd::residents
