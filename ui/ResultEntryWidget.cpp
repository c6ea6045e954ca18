#include "ResultEntryWidget.h"

#include "Feedback.h"
#include "MessageBox.h"
#include "QrCode.h"
#include "RecordStore.h"
#include "ResultSlip.h"
#include "ResultStore.h"
#include "Store.h"
#include "ui_ResultEntryWidget.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QKeyEvent>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QSaveFile>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace {

QString valueWords(const QString& value)
{
    if (value == u"P"_s)
        return ResultEntryWidget::tr("Positive");
    if (value == u"N"_s)
        return ResultEntryWidget::tr("Negative");
    if (value == u"I"_s)
        return ResultEntryWidget::tr("Uninterpretable");
    if (value == u"X"_s)
        return ResultEntryWidget::tr("Non-compliant");
    return value;
}

} // namespace

ResultEntryWidget::ResultEntryWidget(Store& store, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ResultEntryWidget>())
    , m_store(store)
{
    m_ui->setupUi(this);
    for (const QString& analysis : ResultStore::offeredAnalyses()) {
        const QString name = analysis == ResultStore::RapidAntigenAnalysis
                                 ? tr("%1 rapid antigen test").arg(analysis)
                                 : tr("%1 RT-PCR").arg(analysis);
        m_ui->analysisComboBox->addItem(name, analysis);
    }
    m_ui->valueComboBox->addItem(QString(), QString());
    int number = 0;
    for (const QString& value : {u"P"_s, u"N"_s, u"I"_s, u"X"_s}) {
        m_ui->valueComboBox->addItem(u"%1  %2 (%3)"_s.arg(++number).arg(valueWords(value), value),
                                     value);
    }
    // Enter submits from any field of the entry.
    for (QWidget* entry :
         {static_cast<QWidget*>(m_ui->valueComboBox), static_cast<QWidget*>(m_ui->analysisComboBox),
          static_cast<QWidget*>(m_ui->nonConformityLineEdit),
          static_cast<QWidget*>(m_ui->validatedAtDateTimeEdit),
          static_cast<QWidget*>(m_ui->tubeLineEdit)}) {
        entry->installEventFilter(this);
    }
    m_ui->enterButton->setAutoDefault(true); // Enter on it enters, as everywhere on this screen
    connect(m_ui->batchModeCheckBox, &QCheckBox::toggled, this, [this] { startNewRack(); });
    connect(m_ui->newRackButton, &QPushButton::clicked, this, [this] {
        startNewRack();
        m_ui->tubeLineEdit->setFocus();
    });

    m_qrTimer.setSingleShot(true);
    m_qrTimer.setInterval(30 * 1000); // long enough to scan with a phone, then gone
    connect(&m_qrTimer, &QTimer::timeout, this, &ResultEntryWidget::hideQr);
    connect(m_ui->enterButton, &QPushButton::clicked, this, &ResultEntryWidget::enter);
    connect(m_ui->correctButton, &QPushButton::clicked, this, &ResultEntryWidget::correct);
    connect(m_ui->cancelResultButton, &QPushButton::clicked, this,
            &ResultEntryWidget::cancelResult);
    connect(m_ui->showQrButton, &QPushButton::clicked, this, &ResultEntryWidget::showQr);
    connect(m_ui->printSlipButton, &QPushButton::clicked, this, &ResultEntryWidget::printSlip);
    connect(m_ui->attachReportButton, &QPushButton::clicked, this,
            &ResultEntryWidget::attachReport);
    connect(m_ui->openReportButton, &QPushButton::clicked, this, &ResultEntryWidget::openReport);
    connect(m_ui->valueComboBox, &QComboBox::currentIndexChanged, this, [this] {
        const bool nonCompliant = m_ui->valueComboBox->currentData().toString() == u"X"_s;
        m_ui->nonConformityLineEdit->setEnabled(nonCompliant);
    });
    clear();
    startNewRack();
}

void ResultEntryWidget::showMessage(int tone, const QString& text)
{
    Feedback::showMessage(m_ui->messageLabel, Feedback::Tone(tone), text);
}

void ResultEntryWidget::startNewRack()
{
    m_rack = RackTally{};
    showRackTally();
}

void ResultEntryWidget::showRackTally()
{
    const bool rack = m_ui->batchModeCheckBox->isChecked();
    m_ui->rackTallyLabel->setVisible(rack);
    m_ui->rackTallyLabel->setStyleSheet(Feedback::styleSheet(Feedback::Tone::Info));
    m_ui->newRackButton->setVisible(rack);
    const int total = m_rack.positive + m_rack.negative + m_rack.other;
    m_ui->rackTallyLabel->setText(tr("This rack: %n tube(s) keyed", nullptr, total) + u" — "_s +
                                  tr("%n positive", nullptr, m_rack.positive) + u", "_s +
                                  tr("%n negative", nullptr, m_rack.negative) + u", "_s +
                                  tr("%n other", nullptr, m_rack.other) + u". "_s +
                                  tr("Check these counts against the rack before leaving it."));
}

ResultEntryWidget::~ResultEntryWidget() = default;

void ResultEntryWidget::setResultStore(ResultStore* results)
{
    m_results = results;
    clear();
}

void ResultEntryWidget::clear()
{
    hideQr();
    m_id = QUuid();
    m_report.clear();
    m_ui->tubeLineEdit->clear();
    m_ui->recordSummaryLabel->setText(tr("Scan a tube to open its record."));
    m_ui->valueComboBox->setCurrentIndex(0);
    m_ui->nonConformityLineEdit->clear();
    m_ui->nonConformityLineEdit->setEnabled(false);
    m_ui->reportFileLabel->clear();
    m_ui->historyListWidget->clear();
    Feedback::clearMessage(m_ui->messageLabel);
    m_ui->entryGroupBox->setEnabled(false);
    for (QPushButton* button : {m_ui->correctButton, m_ui->cancelResultButton, m_ui->showQrButton,
                                m_ui->printSlipButton, m_ui->openReportButton})
        button->setEnabled(false);
}

bool ResultEntryWidget::openTube(const QString& label)
{
    if (!m_results)
        return false;
    QUuid id;
    QString error;
    if (!m_store.records()->findByTube(label.trimmed(), &id, &error)) {
        clear();
        showMessage(int(Feedback::Tone::Error), tr("Tube %1: %2").arg(label.trimmed(), error));
        Feedback::instance()->cue(Feedback::Cue::Refused);
        m_ui->tubeLineEdit->setText(label.trimmed());
        m_ui->tubeLineEdit->selectAll();
        m_ui->tubeLineEdit->setFocus();
        return false;
    }
    // A new tube: what was said about the last one is over (the rack's tally stays).
    clear();
    m_id = id;
    m_ui->tubeLineEdit->setText(label.trimmed());
    refresh();
    m_ui->validatedAtDateTimeEdit->setDateTime(QDateTime::currentDateTime());
    m_ui->valueComboBox->setFocus();
    return true;
}

void ResultEntryWidget::refresh()
{
    ResultStore::Current current;
    QString error;
    if (m_id.isNull() || !m_results->current(m_id, &current, &error)) {
        showMessage(int(Feedback::Tone::Error), error);
        return;
    }
    QString summary =
        tr("Tube %1, sampled %2. ")
            .arg(current.accession, QDateTime::fromString(current.collectedAt, Qt::ISODate)
                                        .toLocalTime()
                                        .toString(u"dd/MM/yyyy HH:mm"_s));
    if (current.isValidated()) {
        summary += tr("Result: %1 (version %2).")
                       .arg(valueWords(current.result.value))
                       .arg(current.version);
        if (current.awaitingActivationCode)
            summary += u' ' + tr("No activation code yet: it comes as soon as codes arrive.");
        // Blind as for a first entry: that a correction waits, never what it says.
        ResultStore::PendingState pending;
        if (m_results->pendingState(m_id, &pending, &error) && pending.entries > 0) {
            summary += u' ' + (pending.mismatch ? tr("Two corrections disagree: the result is "
                                                     "unchanged. Check the tube.")
                               : pending.enteredByMe
                                   ? tr("You entered a correction: another user must enter it "
                                        "too.")
                                   : tr("A correction waits for a second entry: read the tube "
                                        "and correct the result."));
        }
    } else {
        ResultStore::PendingState pending;
        if (m_results->pendingState(m_id, &pending, &error) && pending.entries > 0) {
            // Blind: the second user learns that a second entry is needed, never what the
            // first one entered.
            summary += pending.mismatch
                           ? tr("Two entries disagree: nothing is validated. Check the tube.")
                       : pending.enteredByMe
                           ? tr("You entered this result: another user must enter it too.")
                           : tr("Second entry required: read the tube and enter the result.");
        } else {
            summary += tr("Awaiting result.");
        }
    }
    m_ui->recordSummaryLabel->setText(summary);
    m_ui->entryGroupBox->setEnabled(!current.isValidated());
    m_ui->correctButton->setEnabled(current.isValidated());
    m_ui->cancelResultButton->setEnabled(current.isValidated());
    m_ui->printSlipButton->setEnabled(current.isValidated());
    m_ui->showQrButton->setEnabled(current.isValidatedPositive() &&
                                   !current.activation.code.isEmpty());
    m_ui->openReportButton->setEnabled(current.hasReport);

    m_ui->historyListWidget->clear();
    QList<ResultStore::Version> versions;
    if (m_results->history(m_id, &versions, &error)) {
        for (const ResultStore::Version& version : versions) {
            m_ui->historyListWidget->addItem(
                tr("Version %1: %2, replaced by a %3 on %4: %5")
                    .arg(version.version)
                    .arg(valueWords(version.result.value),
                         version.kind == u"cancellation"_s ? tr("cancellation")
                         : version.kind == RecordStore::AmendmentKind
                             ? tr("correction of the sampling record")
                             : tr("correction"),
                         QDateTime::fromString(version.replacedAt, Qt::ISODate)
                             .toLocalTime()
                             .toString(u"dd/MM/yyyy HH:mm"_s),
                         version.reason));
        }
    }
}

void ResultEntryWidget::readyForNextTube()
{
    m_ui->tubeLineEdit->clear();
    m_ui->tubeLineEdit->setFocus();
}

bool ResultEntryWidget::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        const bool enterKey = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (watched == m_ui->tubeLineEdit && enterKey) {
            openTube(m_ui->tubeLineEdit->text());
            return true;
        }
        if (enterKey && key->modifiers() == Qt::NoModifier) {
            // A combo box's open list takes Enter itself.
            if (auto* combo = qobject_cast<QComboBox*>(watched);
                combo && combo->view()->isVisible())
                return false;
            if (m_ui->entryGroupBox->isEnabled()) {
                enter();
                return true;
            }
        }
        const int digit = key->key() - Qt::Key_0;
        if (watched == m_ui->valueComboBox && digit >= 1 && digit <= 4) {
            m_ui->valueComboBox->setCurrentIndex(digit);
            // Rack mode: the key is the whole entry (now, default analysis, no report).
            if (m_ui->batchModeCheckBox->isChecked() && digit != 4)
                enter();
            else
                m_ui->enterButton->setFocus();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

ResultStore::Entry ResultEntryWidget::keyedEntry() const
{
    ResultStore::Entry entry;
    entry.analysis = m_ui->analysisComboBox->currentData().toString();
    entry.value = m_ui->valueComboBox->currentData().toString();
    const QDateTime at = m_ui->validatedAtDateTimeEdit->dateTime();
    entry.validatedAt = at.toOffsetFromUtc(at.offsetFromUtc()).toString(Qt::ISODate);
    entry.nonConformity = m_ui->nonConformityLineEdit->text().trimmed();
    entry.reportPdf = m_report;
    return entry;
}

void ResultEntryWidget::showRefusal(const QString& error, const QList<Problem>& problems)
{
    QStringList lines{error};
    for (const Problem& problem : problems)
        lines.append(problem.toString());
    showMessage(int(Feedback::Tone::Error), lines.join(u'\n'));
    Feedback::instance()->cue(Feedback::Cue::Refused);
}

void ResultEntryWidget::enter()
{
    if (!m_results || m_id.isNull())
        return;
    const ResultStore::Entry entry = keyedEntry();
    ResultStore::Outcome outcome = ResultStore::Outcome::Validated;
    QList<Problem> problems;
    QString error;
    if (!m_results->enter(m_id, entry, &outcome, &problems, &error)) {
        showRefusal(error, problems);
        return;
    }
    const QUuid id = m_id;
    const bool positive = entry.value == u"P"_s;
    switch (outcome) {
    case ResultStore::Outcome::Validated:
        showMessage(
            int(positive ? Feedback::Tone::Warning : Feedback::Tone::Success),
            positive ? tr("Positive result validated for tube %1.").arg(m_ui->tubeLineEdit->text())
                     : tr("Result validated for tube %1.").arg(m_ui->tubeLineEdit->text()));
        break;
    case ResultStore::Outcome::AwaitingSecondEntry:
        showMessage(int(Feedback::Tone::Warning),
                    tr("Positive entered. A second user must enter this tube's result too, "
                       "without seeing yours, before it is validated."));
        break;
    case ResultStore::Outcome::Mismatch:
        showMessage(int(Feedback::Tone::Error),
                    tr("This entry disagrees with another user's: nothing is validated. Check the "
                       "tube and enter it again."));
        break;
    }
    Feedback::instance()->cue(outcome == ResultStore::Outcome::Mismatch ? Feedback::Cue::Refused
                              : positive                                ? Feedback::Cue::Positive
                                                                        : Feedback::Cue::Accepted);
    if (m_ui->batchModeCheckBox->isChecked()) {
        if (positive)
            ++m_rack.positive;
        else if (entry.value == u"N"_s)
            ++m_rack.negative;
        else
            ++m_rack.other;
        showRackTally();
    }
    Q_EMIT resultEntered(id);
    if (m_ui->batchModeCheckBox->isChecked()) {
        readyForNextTube();
        return;
    }
    refresh();
}

void ResultEntryWidget::correct()
{
    if (!m_results || m_id.isNull())
        return;
    // The corrected values are keyed in the entry fields first, then the reason asked.
    m_ui->entryGroupBox->setEnabled(true);
    if (m_ui->valueComboBox->currentData().toString().isEmpty()) {
        showMessage(int(Feedback::Tone::Info),
                    tr("Choose the corrected result, then press Correct again."));
        m_ui->valueComboBox->setFocus();
        return;
    }
    const QString reason =
        MessageBox::askText(this, tr("Correct the result"), tr("Why is the result corrected?"));
    if (reason.isEmpty())
        return;
    const ResultStore::Entry entry = keyedEntry();
    ResultStore::Outcome outcome = ResultStore::Outcome::Validated;
    QList<Problem> problems;
    QString error;
    if (!m_results->correct(m_id, entry, reason, &outcome, &problems, &error)) {
        showRefusal(error, problems);
        return;
    }
    switch (outcome) {
    case ResultStore::Outcome::Validated:
        showMessage(int(Feedback::Tone::Success),
                    tr("Result corrected; it will be sent again as a correction."));
        break;
    case ResultStore::Outcome::AwaitingSecondEntry:
        showMessage(int(Feedback::Tone::Warning),
                    tr("Correction to positive entered. A second user must enter the same "
                       "correction too, without seeing yours, before the result changes."));
        break;
    case ResultStore::Outcome::Mismatch:
        showMessage(int(Feedback::Tone::Error),
                    tr("This correction disagrees with another user's: the result is unchanged. "
                       "Check the tube and correct it again."));
        Feedback::instance()->cue(Feedback::Cue::Refused);
        break;
    }
    Q_EMIT resultEntered(m_id);
    refresh();
}

void ResultEntryWidget::cancelResult()
{
    if (!m_results || m_id.isNull())
        return;
    const QString reason =
        MessageBox::askText(this, tr("Cancel the result"), tr("Why is the result cancelled?"));
    if (reason.isEmpty())
        return;
    QString error;
    if (!m_results->cancel(m_id, reason, &error)) {
        showMessage(int(Feedback::Tone::Error), error);
        return;
    }
    showMessage(int(Feedback::Tone::Success),
                tr("Result cancelled; the cancellation will be sent."));
    Q_EMIT resultEntered(m_id);
    refresh();
}

void ResultEntryWidget::showQr()
{
    Activation activation;
    QString error;
    if (!m_results ||
        !m_results->activationFor(m_id, ResultStore::QrUse::Display, &activation, &error)) {
        showMessage(int(Feedback::Tone::Error), error);
        return;
    }
    const QrCode code(activation.link);
    m_ui->qrCodeLabel->setPixmap(QPixmap::fromImage(code.toImage(6)));
    m_ui->qrCodeLabel->setToolTip(activation.code);
    showMessage(int(Feedback::Tone::Info), tr("Activation code: %1 (hidden again in %n second(s))",
                                              nullptr, m_qrTimer.interval() / 1000)
                                               .arg(activation.code));
    m_qrTimer.start();
}

void ResultEntryWidget::hideQr()
{
    m_qrTimer.stop();
    m_ui->qrCodeLabel->clear();
    m_ui->qrCodeLabel->setToolTip(QString());
}

void ResultEntryWidget::printSlip()
{
    ResultStore::Current current;
    QString error;
    if (!m_results || !m_results->current(m_id, &current, &error))
        return;
    QString reason;
    if (current.slipsPrinted > 0) {
        reason = MessageBox::askText(this, tr("Print the slip again"),
                                     tr("This slip was already printed. Why print it again?"));
        if (reason.isEmpty())
            return;
    }
    ResultStore::SlipContent content;
    if (!m_results->slip(m_id, reason, &content, &error)) {
        showMessage(int(Feedback::Tone::Error), error);
        return;
    }
    const ResultSlip slip(
        content, ResultSlip::languageFromName(QSettings().value(u"language"_s, u"fr"_s).toString())
                     .value_or(ResultSlip::Language::French));
    // Sites without a printer (and the tests) print slips to PDF files in a folder.
    const QString pdfFolder = QSettings().value(u"slips/pdfFolder"_s).toString();
    if (!pdfFolder.isEmpty()) {
        const QString path = QDir(pdfFolder).filePath(
            u"slip-%1-v%2.pdf"_s.arg(content.accession).arg(content.version));
        if (!slip.writePdf(path, &error)) {
            showMessage(int(Feedback::Tone::Error), error);
            return;
        }
        showMessage(int(Feedback::Tone::Success),
                    tr("Slip written to %1.").arg(QDir::toNativeSeparators(path)));
    } else {
        QPrinter printer(QPrinter::HighResolution);
        printer.setPageSize(QPageSize(QPageSize::A4));
        QPrintDialog dialog(&printer, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        QPainter painter(&printer);
        slip.paint(painter, printer.pageLayout().paintRectPixels(printer.resolution()));
        showMessage(int(Feedback::Tone::Success), tr("Slip printed."));
    }
    refresh();
}

void ResultEntryWidget::attachReport()
{
    const QString path =
        MessageBox::openFile(this, tr("Attach the lab report"), tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    QByteArray report;
    QString error;
    if (!ResultStore::readReportFile(path, &report, &error) || report.isEmpty() ||
        report.size() > ResultStore::MaxReportSize) {
        showMessage(int(Feedback::Tone::Error),
                    tr("The report must be a readable PDF of 10 MiB or less."));
        return;
    }
    m_report = report;
    m_ui->reportFileLabel->setText(QFileInfo(path).fileName());
}

void ResultEntryWidget::openReport()
{
    // Saved where the user chooses, never to a temporary file: a report names the patient.
    const QString path = MessageBox::saveFile(this, tr("Save the lab report"), QString(),
                                              tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    QByteArray pdf;
    QString error;
    if (!m_results || !m_results->report(m_id, &pdf, &error)) {
        showMessage(int(Feedback::Tone::Error), error);
        return;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size() || !file.commit()) {
        showMessage(int(Feedback::Tone::Error), tr("The report cannot be saved there."));
        return;
    }
    showMessage(int(Feedback::Tone::Success), tr("Report saved."));
}
