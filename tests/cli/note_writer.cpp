// The kill test's child: adds notes through the action bus in a loop on the given database
// file and prints each committed note id, flushed, only after the action returned ok.
#include "notes_module.h"
#include "services/services.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: fd_note_writer DATABASE POLICY\n");
        return 2;
    }
    fd::ServicesOptions options;
    options.databasePath = args[1];
    options.policyPath = args[2];
    options.modules.push_back(fd::testing::notesModule());
    auto services = fd::Services::open(std::move(options));
    if (!services) {
        std::fprintf(stderr, "%s\n", qPrintable(services.error().message.en));
        return 1;
    }
    // The test created the administrator; no password check here, so every round is cheap.
    auto admin = (*services)->users().find(QStringLiteral("admin"));
    if (!admin) {
        std::fprintf(stderr, "%s\n", qPrintable(admin.error().message.en));
        return 1;
    }
    const fd::Actor actor{admin->id, admin->login, admin->displayName, admin->roles,
                          admin->staffId};
    for (qint64 n = 0;; ++n) {
        auto done = (*services)->bus().execute(
            {QStringLiteral("note.add"),
             {{QStringLiteral("text"), QStringLiteral("note %1").arg(n)}},
             actor,
             {},
             QString::fromLatin1("")});
        if (!done) {
            std::fprintf(stderr, "%s\n", qPrintable(done.error().message.en));
            return 1;
        }
        std::printf("%s\n", qPrintable(done->entityId));
        std::fflush(stdout);
    }
}
