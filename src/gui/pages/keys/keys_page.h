#pragma once

#include "page_registry.h"
#include "pages/keys/key_forms.h"
#include "pages/keys/key_lists.h"

#include <QHash>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace fd::gui {

class QueryTableModel;

// The key keeper's and the front desk's page (钥匙管理, R3-4.5): one scan and search box over
// the area's lists (KeyLists), the selected key with its history below, and the key's forms
// (KeyForms): lend, return, 领回, deposit, emergency loan, countersignature, lost. A USB
// scanner types a tag number and Enter anywhere on the page (ScanCatcher): the key is
// selected and the form that fits its state opens (in: lend; out: return; an owner's
// deposited ring: 领回 or lend; the emergency set: the emergency loan). Every change goes
// through the action bus; the page reads nothing but the area's queries.
class KeysPage final : public Page {
    Q_OBJECT
public:
    KeysPage(Session& session, QWidget* parent = nullptr);

    bool openRecord(const QString& entity, const QString& entityId) override;
    void refresh() override;

    [[nodiscard]] QLineEdit* scanBox() const { return scan_; }
    [[nodiscard]] KeyLists* lists() const { return lists_; }
    [[nodiscard]] QueryTableModel* history() const { return history_; }
    [[nodiscard]] QString status() const;
    [[nodiscard]] QString details() const;

    // The key and loan selected (a register's key, a loan list's loan and its first key).
    [[nodiscard]] const KeyInfo& currentKey() const { return key_; }
    [[nodiscard]] qint64 currentLoanId() const { return loan_.id; }
    // Selects a key in the register (the search becomes its tag when it hides it).
    bool selectKey(const QString& tag);

    // A scanned (or typed) tag number and Enter: the key is selected and the form that fits
    // its state opens; an unknown tag is named in the message line. Returns whether a form
    // ran its action.
    bool scan(const QString& text);

    // The forms (also the buttons' slots), for the selected key or loan; each returns
    // whether its action went through (done or sent for approval).
    bool lend();
    bool giveBack();
    bool takeBack();
    bool deposit();
    bool lendEmergency();
    bool countersign();
    bool reportLost();
    bool registerKey();

protected:
    // The scan box takes the focus when the page is shown: the scanner types into it.
    void showEvent(QShowEvent* event) override;

private:
    bool actOnScan(const QString& typed);
    void applySearch();
    void showKey(const QString& tag);
    void updateButtons();
    bool done(const std::optional<ActionResult>& result, const QString& doneText);
    void say(const QString& text);

    Session& session_;
    KeyForms forms_;
    QLineEdit* scan_ = nullptr;
    QTimer* debounce_ = nullptr;
    QLabel* status_ = nullptr;
    KeyLists* lists_ = nullptr;
    QLabel* details_ = nullptr;
    QueryTableModel* history_ = nullptr;
    QTableView* historyView_ = nullptr;
    QHash<QString, QPushButton*> buttons_;
    KeyInfo key_;
    OpenLoan loan_;
    QString category_; // the emergency set selected
};

} // namespace fd::gui
