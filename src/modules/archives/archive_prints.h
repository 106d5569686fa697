#pragma once

#include "output/print_document.h"
#include "services/services.h"

#include <QPair>
#include <vector>

namespace fd::archives {

// A QR code as a square bit matrix (true = dark module), for the page to draw.
struct QrMatrix {
    int size = 0;
    std::vector<bool> modules; // row-major, size * size
    [[nodiscard]] bool dark(int x, int y) const {
        return modules[static_cast<size_t>(y * size + x)];
    }
};
Result<QrMatrix> qrCode(const QString& text);

// A volume's spine label: its number as a QR code and as text (R1-1.1.2(2)⑧).
struct SpineLabel {
    QString number;
    QString title;
    QString category;
    QString retention;
    QString location;
    QrMatrix qr;
};
Result<SpineLabel> spineLabel(const Services& services, const Actor& actor, const QString& volume);

// A printable form as data; the page lays it out (catalogues, slips, certificates).
struct PrintDocument {
    Text title;
    QList<QPair<Text, QString>> fields; // heading fields, label and value
    QList<QueryColumn> columns;
    QList<QStringList> rows;
    QList<Text> signatureLines; // "Archivist: ____"
    QString footer;             // the audit anchor SEQ:HASH at printing time
};

Result<PrintDocument> generalCatalogue(const Services& services, const Actor& actor);
Result<PrintDocument> volumeCatalogue(const Services& services, const Actor& actor,
                                      qint64 categoryId);
Result<PrintDocument> inVolumeList(const Services& services, const Actor& actor,
                                   const QString& volume);
Result<PrintDocument> loanSlip(const Services& services, const Actor& actor, qint64 loanId);
Result<PrintDocument> reminderSlip(const Services& services, const Actor& actor, qint64 loanId);
Result<PrintDocument> disposalCertificate(const Services& services, const Actor& actor,
                                          qint64 disposalId);

// A form as the paper form in the reader's language: codes and flags as the lists show them.
fd::PrintDocument paperForm(const PrintDocument& form, bool chinese);
// The forms above in the form registry (frontdeskctl print, the desktop's PDF buttons):
// loan-slip, reminder-slip, disposal-certificate, volume-catalogue, in-volume-list,
// general-catalogue.
void registerArchiveForms(Services& services);

} // namespace fd::archives
