#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace fd {

// The paper form of a regulation as plain data, in the reader's language, so a module
// builds it from its records without knowing about painting. FormPrinter (fd_output) lays
// it out on A4: header with the office name, the title, the fields, the tables (header
// repeated on each page), the signature lines, and a footer with the audit head and
// "page X of Y".
struct PrintField {
    QString label;
    QString value;
};

struct PrintTable {
    QString title; // may be empty
    QStringList headers;
    QList<QStringList> rows;
};

struct PrintSignature {
    QString meaning; // as printed, e.g. 接班人签字 (SignatureMeanings::title)
    QString signer;  // empty: a blank line to sign by hand
    QString time;    // office time as text; empty for a blank line
};

struct PrintDocument {
    QString officeName; // empty: the policy's office name (filled when stamped)
    QString title;
    QList<PrintField> fields;
    QList<PrintTable> tables;
    QList<PrintSignature> signatures;
    QString auditHead; // "SEQ:HASH" of the audit chain when printed
    QString printedBy;
    QString printedAt;
    bool chinese = false; // the language of the frame (footer, signature lines)
};

} // namespace fd
