#pragma once

#include "notes_module.h"
#include "test_services.h"

#include "audit/audit_log.h"
#include "db/sql.h"

#include <QSqlQuery>

namespace fd::testing {

// The core on its own: every module of the program plus the notes area, with the
// notes' rules and permissions added to the built-in policy.
class CoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        policyDir_ = std::make_unique<QTemporaryDir>();
        env_ = std::make_unique<TestServices>(std::vector<Module>{notesModule()}, true,
                                              writeNotesPolicy(policyDir_->path()));
        env_->addUser(QStringLiteral("clerk1"), {QStringLiteral("clerk")}, QStringLiteral("张敏"));
        env_->addUser(QStringLiteral("clerk2"), {QStringLiteral("clerk")}, QStringLiteral("李强"));
        env_->addUser(QStringLiteral("super1"), {QStringLiteral("supervisor")},
                      QStringLiteral("王芳"));
    }
    void TearDown() override { env_.reset(); }

    Result<ActionResult> addNote(const QString& text,
                                 const QString& who = QStringLiteral("clerk1")) {
        return env_->run(QStringLiteral("note.add"), who, {{QStringLiteral("text"), text}});
    }
    QSqlDatabase db() { return env_->services().database().connection(); }
    void exec(const QString& statement) {
        QSqlQuery q(db());
        ASSERT_TRUE(q.exec(statement)) << statement.toStdString();
    }

    std::unique_ptr<QTemporaryDir> policyDir_;
    std::unique_ptr<TestServices> env_;
};

} // namespace fd::testing
