#pragma once

#include "db/dialect.h"
#include "util/error.h"

#include <QSqlDatabase>

namespace fd {

// A write transaction begun with BEGIN IMMEDIATE; rolls back unless committed.
class WriteTransaction final {
public:
    static Result<WriteTransaction> begin(const QSqlDatabase& db, Dialect dialect);
    WriteTransaction(WriteTransaction&& other) noexcept;
    WriteTransaction& operator=(WriteTransaction&&) = delete;
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    ~WriteTransaction();

    Status commit();
    void rollback();
    [[nodiscard]] bool active() const { return active_; }

private:
    explicit WriteTransaction(QSqlDatabase db);
    QSqlDatabase db_;
    bool active_ = false;
};

} // namespace fd
