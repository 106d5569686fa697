#pragma once

#include <QString>
#include <QStringList>

namespace fd::gui {

// The interface language. Every resources/translations/*_<lang>.ts is compiled into the
// program as :/i18n/*_<lang>.qm; switching loads all of them (the shell's and each
// module page's) plus Qt's own translation.
class Translations final {
public:
    // "zh_CN" or "en"; anything else falls back to English.
    static bool install(const QString& language);
    static QString current();
    // The language of the system locale (LANG=zh_CN.UTF-8 gives zh_CN).
    static QString systemLanguage();
    static QStringList available() { return {QStringLiteral("zh_CN"), QStringLiteral("en")}; }
    // The translation files loaded for the current language (for tests and diagnostics).
    static QStringList loadedFiles();
};

} // namespace fd::gui
