#include "audit/audit_log.h"

#include "db/database.h"
#include "db/sql.h"
#include "util/clock.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <charconv>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <openssl/evp.h>
#include <sqlite3.h>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace fd {
using sql::text;
namespace {

constexpr int kHashedFields = 11; // seq .. rules, then prev_hash is appended

// SHA-256 through OpenSSL (which uses the CPU's SHA extensions where present); one
// context per hashing thread.
class Sha256 {
public:
    Sha256() : md_(EVP_MD_fetch(nullptr, "SHA256", nullptr)), ctx_(EVP_MD_CTX_new()) {}
    ~Sha256() {
        EVP_MD_CTX_free(ctx_);
        EVP_MD_free(md_);
    }
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    std::string hex(std::string_view data) {
        std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
        unsigned int size = 0;
        EVP_DigestInit_ex2(ctx_, md_, nullptr);
        EVP_DigestUpdate(ctx_, data.data(), data.size());
        EVP_DigestFinal_ex(ctx_, digest.data(), &size);
        std::string out(size * 2, '0');
        static constexpr char kHex[] = "0123456789abcdef";
        for (unsigned int i = 0; i < size; ++i) {
            out[2 * i] = kHex[digest[i] >> 4];
            out[2 * i + 1] = kHex[digest[i] & 0x0F];
        }
        return out;
    }

private:
    EVP_MD* md_;
    EVP_MD_CTX* ctx_;
};

// Canonical form: for each field "<byte length>:<bytes>\n", then the previous hash.
void appendField(std::string& buffer, std::string_view v) {
    char digits[24];
    const auto end = std::to_chars(std::begin(digits), std::end(digits), v.size()).ptr;
    buffer.append(digits, end);
    buffer += ':';
    buffer += v;
    buffer += '\n';
}

// Rows read but not yet hashed, packed into one buffer per batch (no allocation per row).
// A row's hash depends only on its own fields and the previous hash as stored, so hashing
// runs on a second thread while SQLite reads on.
struct PendingBatch {
    std::string canonical;    // every row's canonical bytes, back to back
    std::vector<size_t> ends; // end offset of each row in `canonical`
    std::string storedHashes; // 64 hex digits per row
    std::vector<qint64> seqs;
    [[nodiscard]] size_t size() const { return seqs.size(); }
};

class HashPipeline {
public:
    HashPipeline() : worker_([this] { run(); }) {}
    ~HashPipeline() { finish(); }
    HashPipeline(const HashPipeline&) = delete;
    HashPipeline& operator=(const HashPipeline&) = delete;

    void push(PendingBatch&& batch) {
        std::unique_lock lock(mutex_);
        spaceFree_.wait(lock, [this] { return queue_.size() < 4 || firstMismatch_ != 0; });
        queue_.push_back(std::move(batch));
        dataReady_.notify_one();
    }
    // Waits for every pushed row; returns the first row whose hash differs (0: none).
    qint64 finish() {
        {
            const std::lock_guard lock(mutex_);
            closed_ = true;
            dataReady_.notify_one();
        }
        if (worker_.joinable())
            worker_.join();
        return firstMismatch_;
    }
    [[nodiscard]] bool mismatchFound() const { return firstMismatch_.load() != 0; }

private:
    void run() {
        Sha256 sha;
        for (;;) {
            PendingBatch batch;
            {
                std::unique_lock lock(mutex_);
                dataReady_.wait(lock, [this] { return !queue_.empty() || closed_; });
                if (queue_.empty())
                    return;
                batch = std::move(queue_.front());
                queue_.pop_front();
                spaceFree_.notify_one();
            }
            size_t begin = 0;
            for (size_t i = 0; i < batch.size(); ++i) {
                const std::string_view row(batch.canonical.data() + begin, batch.ends[i] - begin);
                begin = batch.ends[i];
                const std::string_view stored(batch.storedHashes.data() + i * 64, 64);
                if (sha.hex(row) != stored) {
                    firstMismatch_ = batch.seqs[i];
                    spaceFree_.notify_all();
                    return; // rows arrive in order: the first mismatch is the earliest
                }
            }
        }
    }

    std::mutex mutex_;
    std::condition_variable dataReady_;
    std::condition_variable spaceFree_;
    std::deque<PendingBatch> queue_;
    bool closed_ = false;
    std::atomic<qint64> firstMismatch_{0};
    std::thread worker_;
};

QByteArray json(const QJsonObject& o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::string_view view(const QByteArray& b) {
    return {b.constData(), static_cast<size_t>(b.size())};
}

} // namespace

const QString AuditLog::kGenesisHash = QString(64, QLatin1Char('0'));

QString AuditHead::text() const {
    return QStringLiteral("%1:%2").arg(seq).arg(hash);
}

std::optional<AuditHead> AuditHead::parse(const QString& text) {
    const auto parts = text.split(QLatin1Char(':'));
    bool ok = false;
    if (parts.size() != 2)
        return std::nullopt;
    const qint64 seq = parts[0].toLongLong(&ok);
    if (!ok || seq < 1 || parts[1].size() != 64)
        return std::nullopt;
    return AuditHead{seq, parts[1].toLower()};
}

QString AuditLog::rowHash(qint64 seq, const QString& atUtc, const AuditEntry& e,
                          const QString& prevHash) {
    std::string buffer;
    const std::array<QByteArray, kHashedFields> fields = {QByteArray::number(seq),
                                                          atUtc.toUtf8(),
                                                          e.actor.toUtf8(),
                                                          e.action.toUtf8(),
                                                          e.entity.toUtf8(),
                                                          e.entityId.toUtf8(),
                                                          json(e.oldValues),
                                                          json(e.newValues),
                                                          e.reason.toUtf8(),
                                                          e.policyVersion.toUtf8(),
                                                          e.rules.join(QLatin1Char(',')).toUtf8()};
    for (const auto& f : fields)
        appendField(buffer, view(f));
    buffer += prevHash.toStdString();
    Sha256 sha;
    return QString::fromStdString(sha.hex(buffer));
}

Result<qint64> AuditLog::append(const QSqlDatabase& db, const QDateTime& atUtc,
                                const AuditEntry& entry) {
    auto last =
        sql::exec(db, QStringLiteral("SELECT seq, row_hash FROM audit_log ORDER BY seq DESC "
                                     "LIMIT 1"));
    if (!last)
        return fail(last.error());
    qint64 seq = 1;
    QString prev = kGenesisHash;
    if (last->next()) {
        seq = last->value(0).toLongLong() + 1;
        prev = last->value(1).toString();
    }
    const QString at = toStorage(atUtc);
    const QString hash = rowHash(seq, at, entry, prev);
    auto ins = sql::exec(
        db,
        QStringLiteral(
            "INSERT INTO audit_log(seq, at_utc, actor, action, entity, entity_id, "
            "old_values, new_values, reason, policy_version, rules, prev_hash, row_hash) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        {seq, at, text(entry.actor), text(entry.action), text(entry.entity), text(entry.entityId),
         QString::fromUtf8(json(entry.oldValues)), QString::fromUtf8(json(entry.newValues)),
         text(entry.reason), text(entry.policyVersion), text(entry.rules.join(QLatin1Char(','))),
         prev, hash});
    if (!ins)
        return fail(ins.error());
    return seq;
}

Result<AuditHead> AuditLog::head(const QSqlDatabase& db) {
    auto q = sql::exec(db, QStringLiteral("SELECT seq, row_hash FROM audit_log ORDER BY seq DESC "
                                          "LIMIT 1"));
    if (!q)
        return fail(q.error());
    if (!q->next())
        return AuditHead{0, kGenesisHash};
    return AuditHead{q->value(0).toLongLong(), q->value(1).toString()};
}

namespace {

constexpr const char* kChainSelect =
    "SELECT seq, at_utc, actor, action, entity, entity_id, old_values, new_values, reason, "
    "policy_version, rules, prev_hash, row_hash FROM audit_log ORDER BY seq";

// The chain's rows in order, from whichever engine holds them.
class ChainRows {
public:
    virtual ~ChainRows() = default;
    // 1: a row is ready; 0: no more rows; -1: the table could not be read.
    virtual int step() = 0;
    virtual qint64 seq() = 0;
    virtual std::string_view text(int col) = 0;
};

// SQLite: stepped on the raw handle, the texts read in place (the walk over a large chain).
class SqliteChainRows final : public ChainRows {
public:
    explicit SqliteChainRows(sqlite3_stmt* stmt) : stmt_(stmt) {}
    ~SqliteChainRows() override { sqlite3_finalize(stmt_); }
    int step() override {
        const int rc = sqlite3_step(stmt_);
        return rc == SQLITE_ROW ? 1 : (rc == SQLITE_DONE ? 0 : -1);
    }
    qint64 seq() override { return sqlite3_column_int64(stmt_, 0); }
    std::string_view text(int col) override {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
        return {p == nullptr ? "" : p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))};
    }

private:
    sqlite3_stmt* stmt_;
};

// A server: a forward-only query, each row's texts copied once.
class QueryChainRows final : public ChainRows {
public:
    explicit QueryChainRows(QSqlQuery q) : q_(std::move(q)) {}
    int step() override {
        if (!q_.next())
            return q_.lastError().isValid() ? -1 : 0;
        for (int c = 0; c < 13; ++c)
            row_[c] = q_.value(c).toString().toStdString();
        return 1;
    }
    qint64 seq() override { return std::stoll(row_[0]); }
    std::string_view text(int col) override { return row_[col]; }

private:
    QSqlQuery q_;
    std::array<std::string, 13> row_;
};

// A pg_dump archive: the audit table's rows as COPY text (text format, tab-separated, one
// row a line), read without a server. pg_dump writes the rows in the table's physical order,
// which for an append-only table is the order of seq; they are put in that order anyway.
class CopyTextChainRows final : public ChainRows {
public:
    // The columns the walk reads, in kChainSelect's order.
    static constexpr std::array<std::string_view, 13> kColumns = {
        "seq",        "at_utc", "actor",          "action", "entity",    "entity_id", "old_values",
        "new_values", "reason", "policy_version", "rules",  "prev_hash", "row_hash"};

    // Finds the COPY block of audit_log in `text`; false when there is none or a column is
    // missing (`problem` says which).
    bool open(const QByteArray& text, QString& problem) {
        text_ = std::string_view(text.constData(), static_cast<size_t>(text.size()));
        size_t pos = 0;
        bool inBlock = false;
        while (pos < text_.size()) {
            size_t end = text_.find('\n', pos);
            if (end == std::string_view::npos)
                end = text_.size();
            const std::string_view line = text_.substr(pos, end - pos);
            pos = end + 1;
            if (!inBlock) {
                if (isAuditCopyHeader(line)) {
                    if (!mapColumns(line, problem))
                        return false;
                    inBlock = true;
                }
                continue;
            }
            if (line == "\\.") {
                complete_ = true;
                break;
            }
            lines_.push_back(line);
        }
        if (!inBlock) {
            problem = QStringLiteral("the copy holds no data of the audit table");
            return false;
        }
        if (!complete_) {
            problem = QStringLiteral("the audit table's data ends before its end marker");
            return false;
        }
        // Each line's seq, to walk the rows in the chain's order.
        order_.reserve(lines_.size());
        bool sorted = true;
        for (size_t i = 0; i < lines_.size(); ++i) {
            qint64 seq = -1;
            if (split(lines_[i]) && decode(fields_[columnOf_[0]], row_[0]))
                std::from_chars(row_[0].data(), row_[0].data() + row_[0].size(), seq);
            if (!order_.empty() && seq < order_.back().first)
                sorted = false;
            order_.emplace_back(seq, i);
        }
        if (!sorted)
            std::stable_sort(order_.begin(), order_.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
        return true;
    }

    int step() override {
        if (next_ >= order_.size())
            return 0;
        const auto [seq, index] = order_[next_++];
        if (!split(lines_[index]))
            return -1;
        for (size_t c = 0; c < kColumns.size(); ++c)
            if (!decode(fields_[columnOf_[c]], row_[c]))
                return -1;
        seq_ = seq;
        return seq_ < 0 ? -1 : 1;
    }
    qint64 seq() override { return seq_; }
    std::string_view text(int col) override { return row_[static_cast<size_t>(col)]; }

private:
    static bool isAuditCopyHeader(std::string_view line) {
        if (!line.starts_with("COPY ") || !line.ends_with(" FROM stdin;"))
            return false;
        const size_t open = line.find(" (");
        if (open == std::string_view::npos)
            return false;
        std::string_view table = line.substr(5, open - 5);
        if (const size_t dot = table.rfind('.'); dot != std::string_view::npos)
            table.remove_prefix(dot + 1);
        return unquote(table) == "audit_log";
    }
    static std::string_view unquote(std::string_view name) {
        if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
            return name.substr(1, name.size() - 2);
        return name;
    }
    bool mapColumns(std::string_view line, QString& problem) {
        const size_t open = line.find(" (");
        const size_t close = line.rfind(')');
        if (close == std::string_view::npos || close < open) {
            problem = QStringLiteral("the audit table's COPY header has no column list");
            return false;
        }
        std::vector<std::string_view> names;
        std::string_view list = line.substr(open + 2, close - open - 2);
        while (!list.empty()) {
            const size_t comma = list.find(',');
            std::string_view name = list.substr(0, comma);
            while (!name.empty() && name.front() == ' ')
                name.remove_prefix(1);
            while (!name.empty() && name.back() == ' ')
                name.remove_suffix(1);
            names.push_back(unquote(name));
            if (comma == std::string_view::npos)
                break;
            list.remove_prefix(comma + 1);
        }
        width_ = names.size();
        for (size_t c = 0; c < kColumns.size(); ++c) {
            const auto found = std::find(names.begin(), names.end(), kColumns[c]);
            if (found == names.end()) {
                problem = QStringLiteral("the audit table's data has no column %1")
                              .arg(QString::fromUtf8(kColumns[c].data(),
                                                     static_cast<qsizetype>(kColumns[c].size())));
                return false;
            }
            columnOf_[c] = static_cast<size_t>(found - names.begin());
        }
        return true;
    }
    // Splits a data line at its tabs (a tab inside a value is written \t); false when the
    // line has not one field per column.
    bool split(std::string_view line) {
        fields_.clear();
        size_t start = 0;
        for (;;) {
            const size_t tab = line.find('\t', start);
            fields_.push_back(line.substr(
                start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
            if (tab == std::string_view::npos)
                break;
            start = tab + 1;
        }
        return fields_.size() == width_;
    }
    // COPY's text escapes: \N alone is NULL (read as empty, as a query's NULL reads);
    // \b \f \n \r \t \v, \ and 1-3 octal digits, \x and 1-2 hex digits; any other
    // character after a backslash stands for itself.
    static bool decode(std::string_view field, std::string& out) {
        out.clear();
        if (field == "\\N")
            return true;
        out.reserve(field.size());
        for (size_t i = 0; i < field.size(); ++i) {
            const char c = field[i];
            if (c != '\\') {
                out += c;
                continue;
            }
            if (++i == field.size())
                return false; // a lone backslash at the end
            const char e = field[i];
            switch (e) {
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'v':
                out += '\v';
                break;
            case 'x': {
                int value = 0;
                int digits = 0;
                while (digits < 2 && i + 1 < field.size() &&
                       std::isxdigit(static_cast<unsigned char>(field[i + 1]))) {
                    const char h = field[++i];
                    value = value * 16 + (h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
                    ++digits;
                }
                if (digits == 0)
                    out += 'x';
                else
                    out += static_cast<char>(value);
                break;
            }
            default:
                if (e >= '0' && e <= '7') {
                    int value = e - '0';
                    for (int d = 1; d < 3 && i + 1 < field.size() && field[i + 1] >= '0' &&
                                    field[i + 1] <= '7';
                         ++d)
                        value = value * 8 + (field[++i] - '0');
                    out += static_cast<char>(value & 0xFF);
                } else {
                    out += e;
                }
            }
        }
        return true;
    }

    std::string_view text_;
    std::vector<std::string_view> lines_;
    std::vector<std::pair<qint64, size_t>> order_;
    size_t next_ = 0;
    size_t width_ = 0;
    bool complete_ = false;
    std::array<size_t, 13> columnOf_{};
    std::vector<std::string_view> fields_;
    std::array<std::string, 13> row_;
    qint64 seq_ = 0;
};

Result<std::unique_ptr<ChainRows>> chainRows(const Database& db) {
    const auto unreadable = [](const QString& why) {
        return Error::integrity({QStringLiteral("The audit table cannot be read: %1").arg(why),
                                 QStringLiteral("无法读取审计表：%1").arg(why)});
    };
    if (sqlite3* handle = db.sqliteHandle(); handle != nullptr) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(handle, kChainSelect, -1, &stmt, nullptr) != SQLITE_OK)
            return fail(unreadable(QString::fromUtf8(sqlite3_errmsg(handle))));
        return std::unique_ptr<ChainRows>(new SqliteChainRows(stmt));
    }
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QString::fromLatin1(kChainSelect)))
        return fail(unreadable(q.lastError().text()));
    return std::unique_ptr<ChainRows>(new QueryChainRows(std::move(q)));
}

// The walk itself, whichever source the rows come from.
Result<ChainReport> walkChain(ChainRows& rows, const std::optional<AuditHead>& anchor) {
    ChainReport report;
    auto text = [&rows](int col) { return rows.text(col); };
    std::string prev = AuditLog::kGenesisHash.toStdString();
    qint64 expected = 1;
    bool anchorSeen = false;
    int rc = 0;
    qint64 linkBroken = 0;
    QString linkProblem;
    auto broken = [&](qint64 seq, const QString& why) {
        linkBroken = seq;
        linkProblem = why;
    };
    constexpr size_t kBatch = 2048;
    HashPipeline pipeline;
    auto freshBatch = [] {
        PendingBatch b;
        b.canonical.reserve(kBatch * 640);
        b.ends.reserve(kBatch);
        b.storedHashes.reserve(kBatch * 64);
        b.seqs.reserve(kBatch);
        return b;
    };
    PendingBatch batch = freshBatch();
    while (!pipeline.mismatchFound() && (rc = rows.step()) == 1) {
        const qint64 seq = rows.seq();
        if (seq != expected) {
            broken(expected, seq > expected ? QStringLiteral("row %1 is missing").arg(expected)
                                            : QStringLiteral("sequence out of order"));
            break;
        }
        const std::string_view storedPrev = text(11);
        const std::string_view storedHash = text(12);
        if (storedPrev != prev) {
            broken(seq, QStringLiteral("previous hash does not match row %1").arg(seq - 1));
            break;
        }
        if (anchor && anchor->seq == seq) {
            anchorSeen = true;
            if (storedHash != anchor->hash.toStdString()) {
                broken(seq, QStringLiteral("the chain differs from the anchor printed on paper"));
                break;
            }
        }
        char seqDigits[24];
        const auto seqEnd = std::to_chars(std::begin(seqDigits), std::end(seqDigits), seq).ptr;
        appendField(batch.canonical, std::string_view(seqDigits, seqEnd - seqDigits));
        for (int col = 1; col <= 10; ++col)
            appendField(batch.canonical, text(col));
        batch.canonical += storedPrev;
        batch.ends.push_back(batch.canonical.size());
        if (storedHash.size() == 64)
            batch.storedHashes += storedHash;
        else
            batch.storedHashes.append(64, '?'); // never equals a hex digest
        batch.seqs.push_back(seq);
        if (batch.size() == kBatch) {
            pipeline.push(std::move(batch));
            batch = freshBatch();
        }
        prev.assign(storedHash);
        ++expected;
    }
    if (batch.size() > 0)
        pipeline.push(std::move(batch));
    const qint64 hashBroken = pipeline.finish();
    const bool readFailed = linkBroken == 0 && hashBroken == 0 && rc < 0;
    if (readFailed)
        return fail(Error::integrity({QStringLiteral("The audit table cannot be read."),
                                      QStringLiteral("无法读取审计表。")}));
    if (hashBroken != 0 && (linkBroken == 0 || hashBroken < linkBroken)) {
        report.ok = false;
        report.firstBrokenSeq = hashBroken;
        report.problem = QStringLiteral("row content does not match its hash");
    } else if (linkBroken != 0) {
        report.ok = false;
        report.firstBrokenSeq = linkBroken;
        report.problem = linkProblem;
    }
    report.rows = report.ok ? expected - 1 : report.firstBrokenSeq - 1;
    if (report.ok && anchor && !anchorSeen) {
        report.ok = false;
        report.firstBrokenSeq = anchor->seq;
        report.problem =
            QStringLiteral("the chain no longer contains the anchored row (truncated)");
    }
    if (report.ok)
        report.head = AuditHead{report.rows, QString::fromStdString(prev)};
    return report;
}

} // namespace

Result<ChainReport> AuditLog::verify(const Database& db, const std::optional<AuditHead>& anchor) {
    auto source = chainRows(db);
    if (!source)
        return fail(source.error());
    return walkChain(**source, anchor);
}

Result<ChainReport> AuditLog::verifyCopyText(const QByteArray& copyText,
                                             const std::optional<AuditHead>& anchor) {
    CopyTextChainRows rows;
    QString problem;
    if (!rows.open(copyText, problem))
        return fail(
            Error::integrity({QStringLiteral("The audit table cannot be read: %1").arg(problem),
                              QStringLiteral("无法读取审计表：%1").arg(problem)}));
    return walkChain(rows, anchor);
}

Result<QList<AuditRow>> AuditLog::rows(const QSqlDatabase& db, const QString& entity,
                                       const QDateTime& since, int limit) {
    auto q = sql::exec(
        db,
        QStringLiteral("SELECT seq, at_utc, actor, action, entity, entity_id, old_values, "
                       "new_values, reason, policy_version, rules, prev_hash, row_hash "
                       "FROM audit_log WHERE (? = '' OR entity = ?) AND at_utc >= ? "
                       "ORDER BY seq DESC LIMIT ?"),
        {text(entity), text(entity), since.isValid() ? toStorage(since) : text({}), limit});
    if (!q)
        return fail(q.error());
    QList<AuditRow> out;
    while (q->next()) {
        AuditRow r;
        r.seq = q->value(0).toLongLong();
        r.at = fromStorage(q->value(1).toString());
        r.entry.actor = q->value(2).toString();
        r.entry.action = q->value(3).toString();
        r.entry.entity = q->value(4).toString();
        r.entry.entityId = q->value(5).toString();
        r.entry.oldValues = QJsonDocument::fromJson(q->value(6).toByteArray()).object();
        r.entry.newValues = QJsonDocument::fromJson(q->value(7).toByteArray()).object();
        r.entry.reason = q->value(8).toString();
        r.entry.policyVersion = q->value(9).toString();
        r.entry.rules = q->value(10).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        r.prevHash = q->value(11).toString();
        r.rowHash = q->value(12).toString();
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace fd
