#pragma once

#include "services/services.h"

#include <vector>

namespace fd::keys {

// A QR code as a square bit matrix (true = dark module), for the page to draw.
struct QrMatrix {
    int size = 0;
    std::vector<bool> modules; // row-major, size * size
    [[nodiscard]] bool dark(int x, int y) const {
        return modules[static_cast<size_t>(y * size + x)];
    }
};
Result<QrMatrix> qrCode(const QString& text);

// A key's hook tag to the company standard (R3-4.5.4): the tag number and its QR code, the
// category and the room, floor or equipment - or, with the policy switch keys.coded_tags,
// the number only (category and place left empty).
struct KeyTag {
    QString tag;
    Text category;
    QString place;
    QrMatrix qr;
};
// The tags of the keys named (tag numbers), in the order given.
Result<QList<KeyTag>> keyTags(const Services& services, const QStringList& tags);

} // namespace fd::keys
