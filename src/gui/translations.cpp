#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <memory>
#include <vector>

namespace fd::gui {
namespace {

struct State {
    QString language = QStringLiteral("en");
    std::vector<std::unique_ptr<QTranslator>> translators;
    QStringList files;
};

State& state() {
    static State s;
    return s;
}

} // namespace

bool Translations::install(const QString& language) {
    State& s = state();
    for (auto& t : s.translators)
        QCoreApplication::removeTranslator(t.get());
    s.translators.clear();
    s.files.clear();
    const bool zh = language.startsWith(QLatin1String("zh"));
    s.language = zh ? QStringLiteral("zh_CN") : QStringLiteral("en");
    QLocale::setDefault(QLocale(zh ? QLocale::Chinese : QLocale::English,
                                zh ? QLocale::China : QLocale::UnitedStates));
    if (!zh)
        return true;
    const QDir i18n(QStringLiteral(":/i18n"));
    QStringList files;
    for (const QString& name : i18n.entryList({QStringLiteral("*_zh_CN.qm")}, QDir::Files))
        files << i18n.filePath(name);
    files << QLibraryInfo::path(QLibraryInfo::TranslationsPath) +
                 QStringLiteral("/qtbase_zh_CN.qm");
    bool ok = true;
    for (const QString& file : files) {
        auto t = std::make_unique<QTranslator>();
        if (!t->load(file)) {
            ok = ok && !file.startsWith(QLatin1Char(':')); // Qt's own file is optional
            continue;
        }
        QCoreApplication::installTranslator(t.get());
        s.files << file;
        s.translators.push_back(std::move(t));
    }
    return ok;
}

QString Translations::current() {
    return state().language;
}

QString Translations::systemLanguage() {
    const QLocale system = QLocale::system();
    return system.language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QStringList Translations::loadedFiles() {
    return state().files;
}

} // namespace fd::gui
