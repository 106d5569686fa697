// The zh_CN translation is complete: every string of the sources is translated.
#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <gtest/gtest.h>

namespace {

struct Message {
    QString context;
    QString source;
    QString translation;
    QString type; // "", unfinished, vanished, obsolete
    bool plural = false;
};

QList<Message> readTs(const QString& path) {
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("context"))
            context.clear();
        else if (name == QLatin1String("name") && context.isEmpty())
            context = xml.readElementText();
        else if (name == QLatin1String("message")) {
            m = Message{context,
                        {},
                        {},
                        {},
                        xml.attributes().value(QStringLiteral("numerus")) == QLatin1String("yes")};
        } else if (name == QLatin1String("source"))
            m.source = xml.readElementText();
        else if (name == QLatin1String("translation")) {
            m.type = xml.attributes().value(QStringLiteral("type")).toString();
            m.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            out << m;
        }
    }
    return out;
}

QStringList tsFiles() {
    QStringList out;
    const QDir dir(QStringLiteral(FD_SOURCE_DIR "/resources/translations"));
    for (const QString& name : dir.entryList({QStringLiteral("*_zh_CN.ts")}, QDir::Files))
        out << dir.filePath(name);
    return out;
}

} // namespace

TEST(Translations, EveryZhCnMessageIsFinished) {
    const QStringList files = tsFiles();
    ASSERT_FALSE(files.isEmpty());
    for (const QString& file : files)
        for (const Message& m : readTs(file)) {
            if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
                continue;
            EXPECT_NE(m.type, QStringLiteral("unfinished"))
                << file.toStdString() << ": " << m.context.toStdString() << " / "
                << m.source.toStdString();
            EXPECT_FALSE(m.translation.trimmed().isEmpty())
                << file.toStdString() << ": " << m.context.toStdString() << " / "
                << m.source.toStdString();
        }
}

TEST(Translations, EveryStringOfTheSourcesIsInATranslationFile) {
    QSet<QString> known;
    for (const QString& file : tsFiles())
        for (const Message& m : readTs(file))
            if (m.type.isEmpty())
                known.insert(m.context + QLatin1Char('\x1f') + m.source);
    // lupdate over the shell and every page folder, as the build does, into a scratch file.
    QTemporaryDir dir;
    const QString scratch = dir.filePath(QStringLiteral("scan_zh_CN.ts"));
    QStringList args{QStringLiteral("-silent"),
                     QStringLiteral(FD_SOURCE_DIR "/src/gui"),
                     QStringLiteral(FD_SOURCE_DIR "/src/app"),
                     QStringLiteral(FD_SOURCE_DIR "/ui"),
                     QStringLiteral("-ts"),
                     scratch};
    QProcess lupdate;
    lupdate.start(QStringLiteral(FD_LUPDATE), args);
    ASSERT_TRUE(lupdate.waitForFinished(120000));
    ASSERT_EQ(lupdate.exitCode(), 0) << lupdate.readAllStandardError().toStdString();
    const QList<Message> found = readTs(scratch);
    ASSERT_GT(found.size(), 50);
    QStringList missing;
    for (const Message& m : found)
        if (!known.contains(m.context + QLatin1Char('\x1f') + m.source))
            missing << m.context + QStringLiteral(" / ") + m.source;
    EXPECT_TRUE(missing.isEmpty()) << "run the fd_update_translations target and translate:\n"
                                   << missing.join(QLatin1Char('\n')).toStdString();
}

TEST(Translations, TheProgramLoadsEveryCompiledZhCnFile) {
    ASSERT_TRUE(fd::gui::Translations::install(QStringLiteral("zh_CN")));
    QStringList compiled = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("*_zh_CN.qm")});
    EXPECT_EQ(compiled.size(), tsFiles().size());
    for (const QString& name : compiled)
        EXPECT_TRUE(fd::gui::Translations::loadedFiles().contains(QStringLiteral(":/i18n/") + name))
            << name.toStdString();
    EXPECT_EQ(QCoreApplication::translate("fd::gui::Pages", "Needs attention"),
              QStringLiteral("待办事项"));
    fd::gui::Translations::install(QStringLiteral("en"));
    EXPECT_EQ(QCoreApplication::translate("fd::gui::Pages", "Needs attention"),
              QStringLiteral("Needs attention"));
    fd::gui::Translations::install(QStringLiteral("zh_CN"));
}
