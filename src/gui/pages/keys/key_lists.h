#pragma once

#include "pages/keys/key_forms.h"

#include <QHash>
#include <QTabWidget>

class QComboBox;

namespace fd::gui {

class QueryListView;
class Session;

// The keys area's lists, one tab each: the register (钥匙登记表), the keys out now, the
// overdue loans, the owner-key slots by custody state, the emergency sets (an incomplete one
// flagged in the tab's title) with the emergency loans waiting for their countersignature,
// and the loans with the requests waiting for approval (待批准). Each is a QueryListView of
// the area's query; one filter (the page's scan box) applies to all. The lists also say
// what the page needs to know of a key: its state, its open loan, a request waiting for it.
class KeyLists final : public QTabWidget {
    Q_OBJECT
public:
    enum Tab { RegisterTab, OutTab, OverdueTab, SlotsTab, EmergencyTab, LoansTab };

    KeyLists(Session& session, QWidget* parent = nullptr);

    [[nodiscard]] QueryListView* list(Tab tab) const { return lists_.value(tab); }
    [[nodiscard]] QueryListView* unsignedLoans() const { return unsigned_; }

    // Reads the lists again; the slots (possibly thousands) only when their tab is shown,
    // else when it is next shown.
    void reload();
    // Every list shows the rows holding `text`.
    void setFilter(const QString& text);

    // A key of the register by its tag (any case); invalid when there is none.
    [[nodiscard]] KeyInfo key(const QString& tag) const;
    // What the register shows for the key in `column` (codes as words).
    [[nodiscard]] QString shown(const QString& tag, const QString& column) const;
    // The register's rows the filter leaves, and the tag of the first.
    [[nodiscard]] int keysShown() const;
    [[nodiscard]] QString firstKeyShown() const;
    // The loan out with the key (id 0 when none), and its line for the key's details.
    [[nodiscard]] OpenLoan openLoanOf(const QString& tag) const;
    [[nodiscard]] QString outLine(const QString& tag) const;
    // The request number of a loan of the key waiting for approval, 0 when none.
    [[nodiscard]] qint64 waitingRequestOf(const QString& tag) const;

    // Selections; each false when the row is not there (or hidden by the filter).
    bool selectKey(const QString& tag);
    bool selectLoan(qint64 loanId, Tab tab);
    bool selectSet(const QString& category);

signals:
    // A key selected in the register or the slots (empty: a slot not held).
    void keySelected(const QString& tag);
    // A loan selected in a loan list; `loan.keys` names its keys.
    void loanSelected(const fd::gui::OpenLoan& loan);
    // An emergency set selected (its category).
    void setSelected(const QString& category);
    // A double click on a loan out (return) or an emergency loan waiting (countersign).
    void returnAsked();
    void countersignAsked();

private:
    QueryListView* addList(Tab tab, const QString& title);
    void load(QueryListView* view);
    void rowChanged(QueryListView* view);
    [[nodiscard]] OpenLoan loanAt(const QueryListView* view, int row) const;

    Session& session_;
    QHash<int, QueryListView*> lists_;
    QueryListView* unsigned_ = nullptr;
    QComboBox* custody_ = nullptr;
    QHash<QueryListView*, QString> queries_;
    QHash<QueryListView*, bool> stale_;
    QHash<QString, int> registerRows_; // tag (upper case) -> register row
    bool loading_ = false;
};

} // namespace fd::gui
