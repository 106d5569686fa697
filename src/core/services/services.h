#pragma once

#include "actions/action_bus.h"
#include "actions/action_registry.h"
#include "auth/signature_book.h"
#include "auth/user_directory.h"
#include "db/database.h"
#include "db/migrations.h"
#include "output/form_registry.h"
#include "rules/checks.h"
#include "rules/policy.h"
#include "services/approval_form.h"
#include "services/query_registry.h"
#include "util/clock.h"

#include <memory>
#include <vector>

namespace fd {

class Services;

struct SeedOptions {
    QString profile = QStringLiteral("demo"); // demo | large
    quint32 seed = 1;                         // same seed, same data
    // Set by the seed command when the services run on it: a module writes its past days
    // (a few days of handovers, a loan made weeks ago) by setting it back, and resumes it.
    // Without it everything is written at the present time.
    HistoryClock* history = nullptr;
};

// A regulation area: its migrations and what it registers (actions, checks, queries,
// content of signed records, dashboard sources), and how it fills a demo database.
struct Module {
    QString area;
    QString migrations; // directory of NNN_*.sql, usually a Qt resource path
    std::function<void(Services&)> registerAll;
    // Seeds through the action bus as `admin` (modules seed in dependency order).
    std::function<Status(const Services&, const Actor& admin, const SeedOptions&)> seed;
    // Rebuilds what the area derives from its rows rather than stores as rows of its own
    // (the archive's search tokens), after an office's rows were copied into a new database.
    std::function<Status(const QSqlDatabase&)> rebuildDerived;
    // The area's part of the policy, carried as the resource :/policy/<area>.json.
    [[nodiscard]] QString policyFragment() const {
        return QStringLiteral(":/policy/%1.json").arg(area);
    }
};

struct ServicesOptions {
    QString databasePath;
    // A policy file given in code (tests). Empty: the policy stored in the database, or the
    // built-in policy on a database that has none yet. The programs never set it: an office
    // changes its policy with the audited action policy.apply.
    QString policyPath;
    std::shared_ptr<Clock> clock; // empty: the system clock
    std::vector<Module> modules;  // in dependency order
    bool migrate = true;          // apply pending migrations on open
    QString backupDirectory;      // for the pre-migration copy
    DatabaseOptions databaseOptions;
};

// The composition root both fronts (the desktop program and frontdeskctl) open.
class Services final {
public:
    static Result<std::unique_ptr<Services>> open(ServicesOptions options);
    ~Services();
    Q_DISABLE_COPY_MOVE(Services)

    [[nodiscard]] const Database& database() const { return *database_; }
    [[nodiscard]] const Clock& clock() const { return *clock_; }
    // The policy in force: the newest version stored in the database (see refreshPolicy).
    [[nodiscard]] const Policy& policy() const { return *policies_.back(); }
    // Reads the newest stored policy version on `db` and takes it into force when it is
    // newer than the one in use (another desk or process applied one). Versions taken out
    // of force stay alive, so a reference held during an action never dangles.
    Status refreshPolicy(const QSqlDatabase& db) const;
    // The person as the database knows them now: current roles, refused when disabled.
    Result<Actor> currentActor(const Actor& actor) const;
    [[nodiscard]] const ActionRegistry& actions() const { return actions_; }
    [[nodiscard]] const CheckRegistry& checks() const { return checks_; }
    [[nodiscard]] const QueryRegistry& queries() const { return queries_; }
    [[nodiscard]] const FormRegistry& forms() const { return forms_; }
    [[nodiscard]] const AttentionRegistry& attention() const { return attention_; }
    [[nodiscard]] const SignatureBook& signatures() const { return signatures_; }
    [[nodiscard]] const StaffOpenItemRegistry& staffOpenItems() const { return staffOpenItems_; }
    // How parameters that link records read in words (approvals show them).
    [[nodiscard]] const ValueNames& valueNames() const { return valueNames_; }
    [[nodiscard]] const UserDirectory& users() const { return *users_; }
    [[nodiscard]] const ActionBus& bus() const { return *bus_; }
    [[nodiscard]] const std::vector<Module>& modules() const { return modules_; }
    // Actions a front runs as the person when they sign out of the program, each registered
    // by its area (the front desk's sign-out of R6-5); a refusal keeps the person in.
    [[nodiscard]] const QStringList& signOutActions() const { return signOutActions_; }

    // Registration, used by modules while the services are being opened.
    ActionRegistry& actionRegistry() { return actions_; }
    CheckRegistry& checkRegistry() { return checks_; }
    QueryRegistry& queryRegistry() { return queries_; }
    FormRegistry& formRegistry() { return forms_; }
    AttentionRegistry& attentionRegistry() { return attention_; }
    SignatureBook& signatureBook() { return signatures_; }
    StaffOpenItemRegistry& staffOpenItemRegistry() { return staffOpenItems_; }
    ValueNames& valueNameRegistry() { return valueNames_; }
    void addSignOutAction(const QString& action) { signOutActions_ << action; }

    // Runs a query with its parameters validated; the actor decides masking.
    Result<QueryResult> query(const QString& name, const QVariantMap& params,
                              const Actor& actor) const;
    // Whether the database has been initialised (has at least one user).
    Result<bool> initialised() const;
    // Creates the first administrator (frontdeskctl init); audited. A demo database
    // (`init --demo`) is marked as such, and only a demo database accepts demo data.
    Result<qint64> initialise(const QString& login, const QString& displayName,
                              const QString& password, bool demo = false) const;
    // Whether the database was created as a demo database.
    Result<bool> isDemo() const;

private:
    Services() = default;
    std::shared_ptr<Database> database_;
    Status adoptPolicy(Policy candidate, bool explicitPolicy, const QStringList& fragments);
    Status storePolicy(Policy candidate, const QString& origin, const QJsonObject& detail);
    std::shared_ptr<Clock> clock_;
    mutable std::vector<std::shared_ptr<const Policy>> policies_;
    mutable qint64 policyId_ = 0; // the stored version in force (0: not stored yet)
    QString policyOrigin_;        // how `initialise` stores the policy: built-in or applied
    ActionRegistry actions_;
    CheckRegistry checks_;
    QueryRegistry queries_;
    FormRegistry forms_;
    AttentionRegistry attention_;
    SignatureBook signatures_;
    StaffOpenItemRegistry staffOpenItems_;
    ValueNames valueNames_;
    std::unique_ptr<UserDirectory> users_;
    std::unique_ptr<ActionBus> bus_;
    std::vector<Module> modules_;
    QStringList signOutActions_;
};

// The core module: users, roles, approvals (frontdeskctl user ..., approval.*).
Module coreModule();

} // namespace fd
