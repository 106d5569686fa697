#pragma once

#include <QObject>
#include <QSqlDriver>
#include <QTimer>

class QTcpSocket;

namespace fd {

class Database;

// What other desks committed, as it happens, for a window to refresh what it shows.
//
// On a server: LISTEN on frontdesk_changes, which every audit row announces (core migration
// 005), so a change at one desk reaches the others within a moment, without reading any
// table. It also watches the connection: when the server goes away the feed says so, holds
// the database's reconnecting (nothing waits for a connect timeout), probes the server's
// port without blocking, and reconnects and listens again when it answers.
// On a file: the file's data version (PRAGMA data_version) each second, which changes
// when another connection commits.
//
// Lives in the thread whose connection it watches (the window's).
class ChangeFeed final : public QObject {
    Q_OBJECT
public:
    static constexpr const char* kChannel = "frontdesk_changes";

    explicit ChangeFeed(const Database& database, QObject* parent = nullptr);
    ~ChangeFeed() override;

    [[nodiscard]] bool serverReachable() const { return !lost_; }
    // Runs one watch step now (the timer runs it every second).
    void check();

signals:
    // A change committed elsewhere: "seq action entity entity_id" from the server; empty
    // from a file, and after a reconnect (anything may have changed meanwhile).
    void changed(const QString& notice);
    void serverLost();
    void serverBack();

private:
    void onNotification(const QString& name, QSqlDriver::NotificationSource source,
                        const QVariant& payload);
    bool listen();
    void probe();

    const Database& database_;
    QTimer watch_;
    QTcpSocket* probe_ = nullptr;
    bool lost_ = false;
    qint64 dataVersion_ = -1;
};

} // namespace fd
