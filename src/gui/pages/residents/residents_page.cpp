#include "pages/residents/residents_page.h"

#include "action_runner.h"

#include "message_line.h"
#include "query_list_view.h"
#include "query_table_model.h"
#include "refusal.h"
#include "residents/registry.h"
#include "residents/resident_import.h"
#include "services/services.h"
#include "session.h"
#include "task_runner.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace fd::gui {
namespace {

using residents::ResidentKind;

constexpr int kSearchDelayMs = 150; // typing pauses shorter than this do not search
constexpr int kSearchLimit = 200;

} // namespace

ResidentsPage::ResidentsPage(Session& session, QWidget* parent) : Page(parent), session_(session) {
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    search_ = new QLineEdit(this);
    search_->setObjectName(QStringLiteral("search"));
    search_->setPlaceholderText(tr("Search: room (3-2-15), name, last 4 phone digits, any words…"));
    search_->setClearButtonEnabled(true);
    bar->addWidget(search_, 1);
    count_ = new QLabel(this);
    count_->setObjectName(QStringLiteral("status"));
    bar->addWidget(count_);
    auto* importButton = new QPushButton(tr("Import…"), this);
    importButton->setObjectName(QStringLiteral("importButton"));
    auto* templateButton = new QPushButton(tr("Download template…"), this);
    bar->addWidget(importButton);
    bar->addWidget(templateButton);
    layout->addLayout(bar);
    // The import's outcome, on its own line under the search.
    importStatus_ = new MessageLine(QStringLiteral("importStatus"), this);
    layout->addWidget(importStatus_);

    auto* split = new QSplitter(this);
    model_ = new QueryTableModel(this);
    table_ = new QTableView(split);
    table_->setObjectName(QStringLiteral("results"));
    table_->setModel(model_);
    setUpRowTable(table_);
    split->addWidget(table_);

    auto* formBox = new QGroupBox(tr("Resident"), split);
    auto* formLayout = new QVBoxLayout(formBox);
    auto* form = new QFormLayout;
    auto addField = [&](const QString& key, const QString& label, const QString& hint = {}) {
        auto* edit = new QLineEdit(formBox);
        edit->setObjectName(key);
        edit->setPlaceholderText(hint);
        form->addRow(label, edit);
        fields_.insert(key, edit);
        return edit;
    };
    addField(QStringLiteral("room_code"), tr("Room"), tr("building-unit-room, e.g. 3-2-1502"));
    kind_ = new QComboBox(formBox);
    kind_->setObjectName(QStringLiteral("kind"));
    for (ResidentKind k : {ResidentKind::Owner, ResidentKind::Tenant, ResidentKind::Family})
        kind_->addItem(display(residents::kindName(k)), residents::kindCode(k));
    form->addRow(tr("Type"), kind_);
    addField(QStringLiteral("name"), tr("Name"));
    addField(QStringLiteral("id_tail"), tr("ID card (last 4)"), tr("only the last 4 characters"));
    addField(QStringLiteral("phone"), tr("Phone"));
    addField(QStringLiteral("phone2"), tr("Second phone"));
    addField(QStringLiteral("move_in"), tr("Moved in"), tr("yyyy-mm-dd"));
    notes_ = new QPlainTextEdit(formBox);
    notes_->setObjectName(QStringLiteral("notes"));
    notes_->setMaximumHeight(80);
    form->addRow(tr("Notes"), notes_);
    formLayout->addLayout(form);
    revealed_ = new MessageLine(QStringLiteral("revealedPhone"), formBox);
    revealed_->setStyleSheet(QStringLiteral("color: #8a4b00; font-weight: bold;"));
    formLayout->addWidget(revealed_);
    auto* buttons = new QHBoxLayout;
    auto* clear = new QPushButton(tr("New"), formBox);
    clear->setProperty("newRecord", true); // Ctrl+N
    register_ = new QPushButton(tr("Register move-in"), formBox);
    register_->setObjectName(QStringLiteral("registerButton"));
    save_ = new QPushButton(tr("Save changes"), formBox);
    save_->setObjectName(QStringLiteral("saveButton"));
    moveOut_ = new QPushButton(tr("Move out…"), formBox);
    reveal_ = new QPushButton(tr("Show phone…"), formBox);
    reveal_->setObjectName(QStringLiteral("revealButton"));
    for (QPushButton* b : {clear, register_, save_, moveOut_, reveal_})
        buttons->addWidget(b);
    formLayout->addLayout(buttons);
    auto* problemsLabel = new QLabel(tr("Import problems (nothing was imported):"), formBox);
    problemsLabel->setObjectName(QStringLiteral("importProblemsLabel"));
    auto* problems = new QListWidget(formBox);
    problems->setObjectName(QStringLiteral("importProblems"));
    problemsLabel->hide();
    problems->hide();
    formLayout->addWidget(problemsLabel);
    formLayout->addWidget(problems, 1);
    formLayout->addStretch();
    split->addWidget(formBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    importButton->setVisible(session.permits(QStringLiteral("resident.import")));
    reveal_->setEnabled(false);
    reveal_->setVisible(session.permits(QStringLiteral("resident.reveal_phone")));
    save_->setEnabled(false);
    moveOut_->setEnabled(false);

    debounce_ = new QTimer(this);
    debounce_->setSingleShot(true);
    debounce_->setInterval(kSearchDelayMs);
    connect(search_, &QLineEdit::textChanged, debounce_, qOverload<>(&QTimer::start));
    connect(debounce_, &QTimer::timeout, this, &ResidentsPage::searchNow);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { selectResult(current.row()); });
    connect(clear, &QPushButton::clicked, this, &ResidentsPage::clearForm);
    connect(register_, &QPushButton::clicked, this, [this] { registerResident(); });
    connect(save_, &QPushButton::clicked, this, [this] { saveChanges(); });
    connect(moveOut_, &QPushButton::clicked, this, [this] { moveOut(); });
    connect(reveal_, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString reason = QInputDialog::getText(
            this, tr("Show the whole phone number"),
            tr("Why do you need the whole number? (recorded in the audit log)"), QLineEdit::Normal,
            {}, &ok);
        if (ok)
            revealPhone(reason);
    });
    connect(importButton, &QPushButton::clicked, this, &ResidentsPage::chooseImport);
    connect(templateButton, &QPushButton::clicked, this, &ResidentsPage::downloadTemplate);
    connect(&session_, &Session::areaChanged, this, [this](const QString& area) {
        if (area == QLatin1String("residents"))
            searchNow();
    });
    searchNow();
}

QLineEdit* ResidentsPage::field(const QString& name) const {
    return fields_.value(name);
}

void ResidentsPage::refresh() {
    searchNow();
}

void ResidentsPage::searchNow() {
    debounce_->stop();
    const qint64 keep = currentId_;
    auto result = session_.services().query(QStringLiteral("residents"),
                                            {{QStringLiteral("term"), search_->text().trimmed()},
                                             {QStringLiteral("limit"), kSearchLimit}},
                                            session_.actor());
    if (!result) {
        model_->setResult({});
        count_->setText(errorText(result.error()));
        return;
    }
    // The type as clerks say it (业主, 租户, 家属), not its code.
    if (const int kind = static_cast<int>(
            std::find_if(result->columns.cbegin(), result->columns.cend(),
                         [](const QueryColumn& c) { return c.key == QStringLiteral("kind"); }) -
            result->columns.cbegin());
        kind < result->columns.size())
        for (QVariantList& row : result->rows)
            if (auto k = residents::parseKind(row.value(kind).toString()))
                row[kind] = display(residents::kindName(*k));
    model_->setResult(std::move(*result));
    // Columns a clerk needs at the counter; the rest is in the form.
    for (const QString& key : {QStringLiteral("id"), QStringLiteral("id_tail"),
                               QStringLiteral("move_out"), QStringLiteral("phone2")})
        if (const int c = model_->columnOf(key); c >= 0)
            table_->setColumnHidden(c, true);
    fitColumns(table_, *model_);
    count_->setText(model_->rowCount() >= kSearchLimit
                        ? tr("First %1 matches").arg(kSearchLimit)
                        : tr("%n resident(s)", nullptr, model_->rowCount()));
    for (int r = 0; r < model_->rowCount(); ++r)
        if (keep != 0 && model_->value(r, QStringLiteral("id")).toLongLong() == keep) {
            table_->selectRow(r);
            return;
        }
}

void ResidentsPage::selectResult(int row) {
    revealed_->clear();
    if (row < 0 || row >= model_->rowCount()) {
        clearForm();
        return;
    }
    if (table_->currentIndex().row() != row)
        table_->selectRow(row);
    currentId_ = model_->value(row, QStringLiteral("id")).toLongLong();
    for (auto it = fields_.cbegin(); it != fields_.cend(); ++it)
        it.value()->setText(model_->value(row, it.key()).toString());
    const auto kind = residents::parseKind(model_->value(row, QStringLiteral("kind")).toString());
    kind_->setCurrentIndex(kind ? std::max(0, kind_->findData(residents::kindCode(*kind))) : 0);
    notes_->setPlainText(model_->value(row, QStringLiteral("notes")).toString());
    shownPhone_ = fields_.value(QStringLiteral("phone"))->text();
    shownPhone2_ = fields_.value(QStringLiteral("phone2"))->text();
    fields_.value(QStringLiteral("room_code"))->setReadOnly(true);
    save_->setEnabled(true);
    moveOut_->setEnabled(true);
    reveal_->setEnabled(!shownPhone_.isEmpty());
}

void ResidentsPage::clearForm() {
    currentId_ = 0;
    for (QLineEdit* e : fields_)
        e->clear();
    notes_->clear();
    kind_->setCurrentIndex(0);
    shownPhone_.clear();
    shownPhone2_.clear();
    revealed_->clear();
    fields_.value(QStringLiteral("room_code"))->setReadOnly(false);
    save_->setEnabled(false);
    moveOut_->setEnabled(false);
    reveal_->setEnabled(false);
    table_->clearSelection();
}

QVariantMap ResidentsPage::formParams(bool forUpdate) const {
    QVariantMap p;
    p.insert(QStringLiteral("kind"), kind_->currentData());
    // A new resident gets what was filled in; an edit sends every field, an emptied one
    // empty: the action clears it (or refuses, for the name).
    auto put = [&](const QString& key, const QString& value) {
        if (!value.isEmpty() || forUpdate)
            p.insert(key, value);
    };
    for (const QString& key :
         {QStringLiteral("name"), QStringLiteral("id_tail"), QStringLiteral("move_in")})
        put(key, fields_.value(key)->text().trimmed());
    // A masked number left as shown is not a new number.
    for (const auto& [key, shown] : {std::pair{QStringLiteral("phone"), shownPhone_},
                                     std::pair{QStringLiteral("phone2"), shownPhone2_}}) {
        const QString phone = fields_.value(key)->text().trimmed();
        if (!(forUpdate && phone == shown))
            put(key, phone);
    }
    put(QStringLiteral("notes"), notes_->toPlainText().trimmed());
    if (forUpdate)
        p.insert(QStringLiteral("id"), currentId_);
    else
        p.insert(QStringLiteral("room_code"),
                 fields_.value(QStringLiteral("room_code"))->text().trimmed());
    return p;
}

bool ResidentsPage::run(const QString& action, const QVariantMap& params, const QString& reason) {
    QHash<QString, QWidget*> focus;
    for (auto it = fields_.cbegin(); it != fields_.cend(); ++it)
        focus.insert(it.key(), it.value());
    focus.insert(QStringLiteral("kind"), kind_);
    focus.insert(QStringLiteral("notes"), notes_);
    focus.insert(QStringLiteral("reason"), reveal_);
    ActionRunner runner(session_, this);
    runner.setFields(focus);
    auto done = runner.run(action, params, reason);
    if (!done)
        return false;
    if (action == QStringLiteral("resident.register") && !done->entityId.isEmpty())
        currentId_ = done->entityId.toLongLong();
    return true;
}

bool ResidentsPage::registerResident() {
    if (!run(QStringLiteral("resident.register"), formParams(false)))
        return false;
    count_->setText(tr("Registered %1.").arg(fields_.value(QStringLiteral("name"))->text()));
    return true;
}

bool ResidentsPage::saveChanges() {
    if (currentId_ == 0)
        return false;
    return run(QStringLiteral("resident.update"), formParams(true));
}

bool ResidentsPage::moveOut() {
    if (currentId_ == 0)
        return false;
    if (!run(QStringLiteral("resident.move_out"), {{QStringLiteral("id"), currentId_}}))
        return false;
    clearForm();
    return true;
}

QString ResidentsPage::revealPhone(const QString& reason) {
    if (currentId_ == 0)
        return {};
    auto done = session_.services().bus().execute({QStringLiteral("resident.reveal_phone"),
                                                   {{QStringLiteral("id"), currentId_}},
                                                   session_.actor(),
                                                   {},
                                                   reason.trimmed()});
    if (!done) {
        showError(this, done.error());
        return {};
    }
    const QString phone = done->result.value(QStringLiteral("phone")).toString();
    revealed_->setText(tr("Whole number: %1 (shown once, recorded)").arg(phone));
    // The whole number does not stay on screen.
    QTimer::singleShot(std::chrono::seconds(60), revealed_,
                       [label = revealed_] { label->clear(); });
    session_.notifyChanged(QStringLiteral("audit"));
    return phone;
}

bool ResidentsPage::importFile(const QString& path) {
    auto* problems = findChild<QListWidget*>(QStringLiteral("importProblems"));
    auto* problemsLabel = findChild<QLabel*>(QStringLiteral("importProblemsLabel"));
    problems->clear();
    problems->hide();
    problemsLabel->hide();
    importProblems_.clear();
    const Services& services = session_.services();
    const Actor actor = session_.actor();
    auto preview = std::make_shared<Result<residents::ImportFile>>(
        fail(Error::internal(QStringLiteral("not run"))));
    auto imported =
        std::make_shared<Result<ActionResult>>(fail(Error::internal(QStringLiteral("not run"))));
    // Reading, checking and writing thousands of rows happen on a worker thread.
    auto ok = TaskRunner::run(
        this, tr("Importing residents…"),
        [&services, actor, path, preview, imported](TaskControl& control) -> Status {
            *preview = residents::previewResidentImport(services.database().connection(), path);
            if (!*preview)
                return fail((*preview).error());
            control.setProgress(0.4);
            if (!(*preview)->problems.isEmpty() || control.cancelled())
                return {};
            *imported = services.bus().execute({QStringLiteral("resident.import"),
                                                {{QStringLiteral("file"), path}},
                                                actor,
                                                {},
                                                {}});
            control.setProgress(1.0);
            return {};
        },
        &services.database());
    if (!ok) {
        showError(this, ok.error());
        return false;
    }
    if (!(*preview)->problems.isEmpty()) {
        for (const residents::ImportProblem& p : (*preview)->problems)
            importProblems_ << p.text(chinese());
        problems->addItems(importProblems_);
        problems->show();
        problemsLabel->show();
        importStatus_->setText(tr("%n problem(s) in %1; nothing imported.", nullptr,
                                  static_cast<int>(importProblems_.size()))
                                   .arg(QFileInfo(path).fileName()));
        return false;
    }
    if (TaskRunner::lastCancelled())
        return false;
    if (!*imported) {
        showError(this, (*imported).error());
        return false;
    }
    session_.notifyChanged(QStringLiteral("resident.import"));
    // The encoding a CSV file was read in is said, never guessed silently (XLSX has none).
    const QString encoding = (*imported)->result.value(QStringLiteral("encoding")).toString();
    importStatus_->setText(
        encoding.isEmpty()
            ? tr("Imported %1 resident(s) from %2.")
                  .arg((*imported)->result.value(QStringLiteral("residents")).toInt())
                  .arg(QFileInfo(path).fileName())
            : tr("Imported %1 resident(s) from %2, read as %3 text.")
                  .arg((*imported)->result.value(QStringLiteral("residents")).toInt())
                  .arg(QFileInfo(path).fileName(), encoding));
    return true;
}

void ResidentsPage::chooseImport() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Import residents"), {},
                                                      tr("Residents (*.csv *.xlsx)"));
    if (!path.isEmpty())
        importFile(path);
}

void ResidentsPage::downloadTemplate() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save the import template"), tr("residents-template.xlsx"),
        tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"));
    if (path.isEmpty())
        return;
    const Status ok = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
                          ? residents::writeResidentTemplateCsv(path)
                          : residents::writeResidentTemplateXlsx(path);
    if (!ok)
        showError(this, ok.error());
    else
        announceSaved(this, path);
}

bool ResidentsPage::openRecord(const QString& entity, const QString& entityId) {
    if (entity != QStringLiteral("resident"))
        return false;
    auto r =
        residents::findResident(session_.services().database().connection(), entityId.toLongLong());
    if (!r)
        return false;
    currentId_ = r->id;
    search_->setText(r->roomCode);
    searchNow();
    return currentId_ == r->id && table_->currentIndex().isValid();
}

} // namespace fd::gui
