#include "idle_lock.h"

#include "services/services.h"
#include "session.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fd::gui {

IdleWatcher::IdleWatcher(std::chrono::milliseconds timeout, QObject* parent) : QObject(parent) {
    timer_.setSingleShot(true);
    timer_.setInterval(timeout);
    connect(&timer_, &QTimer::timeout, this, &IdleWatcher::idle);
    qApp->installEventFilter(this);
    timer_.start();
}

IdleWatcher::~IdleWatcher() {
    qApp->removeEventFilter(this);
}

void IdleWatcher::setTimeout(std::chrono::milliseconds timeout) {
    timer_.setInterval(timeout);
    if (active_)
        timer_.start();
}

std::chrono::milliseconds IdleWatcher::timeout() const {
    return timer_.intervalAsDuration();
}

void IdleWatcher::setActive(bool active) {
    active_ = active;
    if (active)
        timer_.start();
    else
        timer_.stop();
}

bool IdleWatcher::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (active_)
            timer_.start();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

LockScreen::LockScreen(const Session& session, QWidget* parent)
    : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("lockScreen"));
    auto* outer = new QVBoxLayout(this);
    outer->addStretch();
    auto* title = new QLabel(tr("Locked"), this);
    title->setAlignment(Qt::AlignCenter);
    title->setStyleSheet(QStringLiteral("font-size: 20pt; font-weight: bold;"));
    outer->addWidget(title);
    auto* who = new QLabel(tr("The session of %1 was locked after a period without use. "
                              "Enter the password to continue.")
                               .arg(session.actor().displayName),
                           this);
    who->setAlignment(Qt::AlignCenter);
    who->setWordWrap(true);
    outer->addWidget(who);
    auto* row = new QHBoxLayout;
    row->addStretch();
    password_ = new QLineEdit(this);
    password_->setObjectName(QStringLiteral("unlockPassword"));
    password_->setEchoMode(QLineEdit::Password);
    password_->setPlaceholderText(tr("Password"));
    password_->setMinimumWidth(220);
    row->addWidget(password_);
    auto* unlock = new QPushButton(tr("Unlock"), this);
    unlock->setObjectName(QStringLiteral("unlockButton"));
    unlock->setDefault(true);
    row->addWidget(unlock);
    auto* signOut = new QPushButton(tr("Sign out"), this);
    signOut->setObjectName(QStringLiteral("signOutButton"));
    row->addWidget(signOut);
    row->addStretch();
    outer->addLayout(row);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("lockMessage"));
    message_->setAlignment(Qt::AlignCenter);
    message_->setStyleSheet(QStringLiteral("color: #b00020;"));
    outer->addWidget(message_);
    outer->addStretch();
    connect(unlock, &QPushButton::clicked, this, &LockScreen::tryUnlock);
    connect(password_, &QLineEdit::returnPressed, this, &LockScreen::tryUnlock);
    connect(signOut, &QPushButton::clicked, this, &LockScreen::signOutRequested);
}

void LockScreen::reset() {
    password_->clear();
    message_->clear();
    password_->setFocus(Qt::OtherFocusReason);
}

void LockScreen::setMessage(const QString& text) {
    message_->setText(text);
}

QString LockScreen::message() const {
    return message_->text();
}

void LockScreen::tryUnlock() {
    auto who = session_.services().users().authenticate(session_.actor().login, password_->text());
    password_->clear();
    if (!who) {
        message_->setText(display(who.error().message));
        return;
    }
    message_->clear();
    emit unlocked();
}

} // namespace fd::gui
