#pragma once

#include "tool_output.h"
#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QTimer>
#include <functional>

namespace fd::testing {

// Runs `handle` on the next modal dialog once it is shown (a dialog's exec() blocks the
// test otherwise). The handler must close the dialog.
void onNextModal(std::function<void(QWidget*)> handle, int timeoutMs = 5000);

// Processes events until `done` holds or the time runs out.
bool waitUntil(const std::function<bool()>& done, int timeoutMs = 5000);

// Types text into a widget key by key, Chinese included (QTest::keyClicks takes ASCII only).
void typeText(QWidget* widget, const QString& text);

} // namespace fd::testing
