#include "pages/handover/handover_page.h"

#include "message_line.h"
#include "pages/handover/duty_log_tab.h"
#include "pages/handover/front_desk_tab.h"
#include "pages/handover/sheet_tab.h"
#include "session.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace fd::gui {

HandoverPage::HandoverPage(Session& session, QWidget* parent) : Page(parent), session_(session) {
    auto* layout = new QVBoxLayout(this);
    status_ = new MessageLine(QStringLiteral("status"), this);
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("tabs"));
    sheet_ = new SheetTab(session_, this);
    frontDesk_ = new FrontDeskTab(session_, this);
    duty_ = new DutyLogTab(session_, this);
    tabs_->addTab(sheet_, tr("Shift handover"));
    tabs_->addTab(frontDesk_, tr("Front desk"));
    tabs_->addTab(duty_, tr("Duty log"));
    for (HandoverTab* tab : std::initializer_list<HandoverTab*>{sheet_, frontDesk_, duty_})
        connect(tab, &HandoverTab::status, status_, &QLabel::setText);
    layout->addWidget(tabs_, 1);
    layout->addWidget(status_);
    // Sheets, the front desk and the duty log are the handover area's actions.
    connect(&session_, &Session::areaChanged, this, [this](const QString& area) {
        if (area == QLatin1String("handover"))
            refresh();
    });
    refresh();
}

void HandoverPage::refresh() {
    sheet_->refresh();
    frontDesk_->refresh();
    duty_->refresh();
}

bool HandoverPage::openRecord(const QString& entity, const QString& entityId) {
    if (entity == QStringLiteral("handover_sheet")) {
        if (!sheet_->openSheetRecord(entityId.toLongLong()))
            return false;
        tabs_->setCurrentWidget(sheet_);
        return true;
    }
    if (entity.startsWith(QLatin1String("handover"))) {
        tabs_->setCurrentWidget(sheet_);
        return true;
    }
    if (entity.startsWith(QLatin1String("mail")) || entity.startsWith(QLatin1String("custody")) ||
        entity.startsWith(QLatin1String("phone"))) {
        tabs_->setCurrentWidget(frontDesk_);
        frontDesk_->select(entity, entityId);
        return true;
    }
    if (entity.startsWith(QLatin1String("duty"))) {
        tabs_->setCurrentWidget(duty_);
        duty_->select(entity, entityId);
        return true;
    }
    return false;
}

} // namespace fd::gui
