#include "translations.h"

#include <QApplication>
#include <QStandardPaths>
#include <gtest/gtest.h>

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("FrontdeskTests"));
    QStandardPaths::setTestModeEnabled(true);
    // The clerks' language: tests read the Chinese interface.
    fd::gui::Translations::install(QStringLiteral("zh_CN"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
