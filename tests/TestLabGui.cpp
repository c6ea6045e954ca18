// The lab's screen driven like a person would: scan a tube, key the result, a second lab
// user confirms the positive blind, the QR code is shown and the slip printed. Each step is
// checked in the store and the audit log.

#include "ActivationCodes.h"
#include "BarcodeDecoder.h"
#include "Feedback.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "QueueWidget.h"
#include "RecordStore.h"
#include "ResultEntryWidget.h"
#include "ResultStore.h"
#include "ScannerInput.h"
#include "Store.h"
#include "SyncEngine.h"
#include "TestSupport.h"
#include "UiLanguage.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace TestSupport;
using namespace GuiTestSupport;

namespace {

const QString SecondLabName = u"lab2"_s;

// A batch of activation codes valid around now, as the national server would send it.
QByteArray codesCsv(int count)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QByteArray csv = "code_pour_qr,code_brut,validite_debut,validite_fin\n";
    for (int i = 0; i < count; ++i) {
        const QString code = QUuid::createUuid().toString(QUuid::WithoutBraces);
        csv += (code + u","_s + code + u","_s +
                now.addDays(-1).toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s) + u","_s +
                now.addDays(5).toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s) + u"\n"_s)
                   .toUtf8();
    }
    return csv;
}

} // namespace

class TestLabGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void positiveEnteredTwiceShowsQrAndPrintsSlip();
    void rackModeEntersATubeAKey();
    void enterSubmitsAndMessagesLookAlike();
    void reportFileIsAskedThroughMessageBox();
    void labQueueShowsTheResultButNoCorrection();
    void correctedPositiveWaitsForASecondUser();
    void statusBarAlwaysSaysWhatWaitsForTheServer();
};

void TestLabGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"sidep-tests"_s);
    UiLanguage::apply(u"en"_s);
    QSettings().setValue(u"feedback/sound"_s, false);
}

void TestLabGui::positiveEnteredTwiceShowsQrAndPrintsSlip()
{
    StoreFixture fixture;
    const SamplingRecord sampled = validRecord(3);
    {
        auto admin = fixture.openAs(AdminName);
        QString error;
        QVERIFY(admin->addUser(SecondLabName, Role::Lab, password(), &error));
        auto nurse = fixture.openAs(NurseName);
        SamplingRecord record = sampled;
        QList<Problem> problems;
        QVERIFY(nurse->records()->add(&record, {}, &problems, &error));
        auto lab = fixture.openAs(LabName);
        ActivationCodes codes(*lab);
        ActivationCodes::ImportReport report;
        QVERIFY2(codes.importCsv(codesCsv(3), u"codes.csv"_s, {}, &report, &error),
                 qPrintable(error));
        QCOMPARE(report.imported, 3);
    }
    QTemporaryDir slips;
    QSettings().setValue(u"slips/pdfFolder"_s, slips.path());

    Workstation station(fixture.path());
    QVERIFY(station.signIn(LabName));
    MainWindow& window = station.window;
    ResultEntryWidget* results = window.resultEntry();
    QVERIFY(results->isVisible());

    // First lab user: the tube scanned, 1 = positive, Enter.
    window.routeScan(sampled.specimen.accession);
    QCOMPARE(results->openRecord().isNull(), false);
    auto* value = results->findChild<QComboBox*>(u"valueComboBox"_s);
    QCOMPARE(QApplication::focusWidget(), value);
    QTest::keyClick(value, Qt::Key_1);
    releaseHeldKeys();
    results->findChild<QPushButton*>(u"enterButton"_s)->click();
    auto* message = results->findChild<QLabel*>(u"messageLabel"_s);
    QVERIFY2(message->text().contains(u"second user"_s), qPrintable(message->text()));
    window.lock();
    QVERIFY(results->openRecord().isNull()); // nothing left on screen

    // Second lab user, blind: the screen does not say what the first one entered.
    {
        Workstation secondStation(fixture.path());
        QVERIFY(secondStation.signIn(SecondLabName));
        Store& store2 = secondStation.store;
        MainWindow& other = secondStation.window;
        ResultEntryWidget* second = other.resultEntry();
        other.routeScan(sampled.specimen.accession);
        // Only that a second entry is required: never what the first answer was.
        const QString summary = second->findChild<QLabel*>(u"recordSummaryLabel"_s)->text();
        QVERIFY2(summary.contains(u"Second entry required"_s), qPrintable(summary));
        QVERIFY2(!summary.contains(u"positive"_s, Qt::CaseInsensitive), qPrintable(summary));
        for (QLabel* label : second->findChildren<QLabel*>()) {
            if (!label->isVisible())
                continue;
            QVERIFY2(!label->text().contains(u"positive"_s, Qt::CaseInsensitive),
                     qPrintable(label->objectName() + u": "_s + label->text()));
        }
        // 1, then Enter submits.
        auto* secondValue = second->findChild<QComboBox*>(u"valueComboBox"_s);
        QTest::keyClick(secondValue, Qt::Key_1);
        releaseHeldKeys();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        releaseHeldKeys();
        QVERIFY(second->findChild<QLabel*>(u"messageLabel"_s)->text().contains(u"validated"_s));

        // The QR code, on demand, decodes to the activation link; it hides itself.
        second->setQrDisplaySeconds(1);
        auto* showQr = second->findChild<QPushButton*>(u"showQrButton"_s);
        QVERIFY(showQr->isEnabled());
        showQr->click();
        auto* qr = second->findChild<QLabel*>(u"qrCodeLabel"_s);
        const QImage shown = qr->pixmap().toImage();
        const QList<DecodedBarcode> decoded = BarcodeDecoder::decode(shown);
        QCOMPARE(decoded.size(), 1);
        QVERIFY2(
            decoded.first().text.startsWith(u"https://bonjour.tousanticovid.gouv.fr/app/code/"_s),
            qPrintable(decoded.first().text));
        QTRY_VERIFY_WITH_TIMEOUT(qr->pixmap().isNull(), 3000);

        // The slip, to PDF; a reprint asks for a reason.
        second->findChild<QPushButton*>(u"printSlipButton"_s)->click();
        QVERIFY(QFile::exists(slips.filePath(u"slip-%1-v2.pdf"_s.arg(sampled.specimen.accession))));
        MessageBox::setNextText(u"the patient lost it"_s);
        second->findChild<QPushButton*>(u"printSlipButton"_s)->click();

        QStringList actions;
        for (const AuditLog::Entry& entry : store2.auditLog()->entries())
            actions.append(entry.action);
        for (const QString& expected :
             {u"result.firstEntry"_s, u"result.secondEntry"_s, u"result.validate"_s,
              u"qr.display"_s, u"slip.print"_s, u"slip.reprint"_s}) {
            QVERIFY2(actions.contains(expected),
                     qPrintable(expected + u" in "_s + actions.join(u' ')));
        }
        QVERIFY(store2.auditLog()->verify().isEmpty());
    }
    QSettings().remove(u"slips/pdfFolder"_s);
}

void TestLabGui::rackModeEntersATubeAKey()
{
    StoreFixture fixture;
    {
        auto nurse = fixture.openAs(NurseName);
        QList<SamplingRecord> rack{validRecord(1), validRecord(2), validRecord(3), validRecord(4)};
        QList<QList<Problem>> problems;
        QString error;
        QVERIFY(nurse->records()->add(&rack, {}, &problems, &error));
    }
    Workstation station(fixture.path());
    QVERIFY(station.signIn(LabName));
    Store& store = station.store;
    MainWindow& window = station.window;
    ResultEntryWidget* results = window.resultEntry();
    results->findChild<QCheckBox*>(u"batchModeCheckBox"_s)->setChecked(true);
    auto* tally = results->findChild<QLabel*>(u"rackTallyLabel"_s);
    QVERIFY(tally->isVisible());
    // Negative, negative, positive, uninterpretable: a key a tube; a positive is heard.
    QSignalSpy cues(Feedback::instance(), &Feedback::cued);
    const Qt::Key keys[] = {Qt::Key_2, Qt::Key_2, Qt::Key_1, Qt::Key_3};
    for (int i = 1; i <= 4; ++i) {
        window.routeScan(validRecord(i).specimen.accession);
        QTest::keyClick(QApplication::focusWidget(), keys[i - 1]); // entered at once
        releaseHeldKeys();
        // Ready for the next tube.
        QCOMPARE(QApplication::focusWidget()->objectName(), u"tubeLineEdit"_s);
    }
    RecordStore::Query resulted;
    resulted.status = RecordStatus::Resulted;
    QString error;
    QCOMPARE(store.records()->count(resulted, &error), 3); // the positive awaits its check
    QCOMPARE(cues.size(), 4);
    QCOMPARE(cues.at(2).at(0).value<Feedback::Cue>(), Feedback::Cue::Positive);
    QCOMPARE(cues.at(0).at(0).value<Feedback::Cue>(), Feedback::Cue::Accepted);
    // The running tally, to check against the rack before leaving it.
    QCOMPARE(results->rackTally().positive, 1);
    QCOMPARE(results->rackTally().negative, 2);
    QCOMPARE(results->rackTally().other, 1);
    QVERIFY2(tally->text().contains(u"4 tubes"_s) && tally->text().contains(u"1 positive"_s) &&
                 tally->text().contains(u"2 negative"_s) && tally->text().contains(u"1 other"_s),
             qPrintable(tally->text()));
    results->findChild<QPushButton*>(u"newRackButton"_s)->click();
    QCOMPARE(results->rackTally().positive + results->rackTally().negative, 0);
}

void TestLabGui::enterSubmitsAndMessagesLookAlike()
{
    StoreFixture fixture;
    {
        auto nurse = fixture.openAs(NurseName);
        SamplingRecord record = validRecord(5);
        QList<Problem> problems;
        QString error;
        QVERIFY(nurse->records()->add(&record, {}, &problems, &error));
    }
    Workstation station(fixture.path());
    QVERIFY(station.signIn(LabName));
    MainWindow& window = station.window;
    ResultEntryWidget* results = window.resultEntry();
    auto* message = results->findChild<QLabel*>(u"messageLabel"_s);

    // A tube without a record: said in the same band and colours as the sampling form's.
    window.routeScan(u"CHU75-2020-NOSUCH"_s);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(u"no record"_s), qPrintable(message->text()));
    QCOMPARE(message->property("tone").value<Feedback::Tone>(), Feedback::Tone::Error);
    QCOMPARE(message->styleSheet(), Feedback::styleSheet(Feedback::Tone::Error));
    // The next tube opens: the old message goes.
    window.routeScan(validRecord(5).specimen.accession);
    QVERIFY(!results->openRecord().isNull());
    QVERIFY(message->isHidden());

    // Enter with no result chosen: refused in the band; 2 then Enter: validated.
    auto* value = results->findChild<QComboBox*>(u"valueComboBox"_s);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(value));
    QTest::keyClick(value, Qt::Key_Return);
    releaseHeldKeys();
    QCOMPARE(message->property("tone").value<Feedback::Tone>(), Feedback::Tone::Error);
    QTest::keyClick(value, Qt::Key_2);
    releaseHeldKeys();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    releaseHeldKeys();
    QVERIFY2(message->text().contains(u"validated"_s), qPrintable(message->text()));
    QCOMPARE(message->property("tone").value<Feedback::Tone>(), Feedback::Tone::Success);
}

void TestLabGui::reportFileIsAskedThroughMessageBox()
{
    StoreFixture fixture;
    {
        auto nurse = fixture.openAs(NurseName);
        SamplingRecord record = validRecord(6);
        QList<Problem> problems;
        QString error;
        QVERIFY(nurse->records()->add(&record, {}, &problems, &error));
    }
    QTemporaryDir dir;
    QFile pdf(dir.filePath(u"compte-rendu.pdf"_s));
    QVERIFY(pdf.open(QIODevice::WriteOnly));
    pdf.write("%PDF-1.4\n%%EOF\n");
    pdf.close();

    Workstation station(fixture.path());
    QVERIFY(station.signIn(LabName));
    ResultEntryWidget* results = station.window.resultEntry();
    station.window.routeScan(validRecord(6).specimen.accession);
    QVERIFY(!results->openRecord().isNull());

    // Answered in advance: no file dialog opens, the report is attached.
    MessageBox::setNextFile(pdf.fileName());
    results->findChild<QPushButton*>(u"attachReportButton"_s)->click();
    QCOMPARE(results->findChild<QLabel*>(u"reportFileLabel"_s)->text(), u"compte-rendu.pdf"_s);
    // A cancelled choice leaves it as it was.
    MessageBox::setNextFile(QString());
    results->findChild<QPushButton*>(u"attachReportButton"_s)->click();
    QCOMPARE(results->findChild<QLabel*>(u"reportFileLabel"_s)->text(), u"compte-rendu.pdf"_s);
}

void TestLabGui::correctedPositiveWaitsForASecondUser()
{
    StoreFixture fixture;
    const SamplingRecord sampled = validRecord(6);
    QUuid id;
    {
        auto admin = fixture.openAs(AdminName);
        QString error;
        QVERIFY(admin->addUser(SecondLabName, Role::Lab, password(), &error));
        auto nurse = fixture.openAs(NurseName);
        SamplingRecord record = sampled;
        QList<Problem> problems;
        QVERIFY(nurse->records()->add(&record, {}, &problems, &error));
        id = record.id;
        auto lab = fixture.openAs(LabName);
        ResultStore::Entry negative;
        negative.value = u"N"_s;
        ResultStore::Outcome outcome = ResultStore::Outcome::Mismatch;
        QVERIFY2(ResultStore(*lab).enter(id, negative, &outcome, &problems, &error),
                 qPrintable(error));
        QCOMPARE(outcome, ResultStore::Outcome::Validated);
        // The validated correction to positive takes an activation code.
        ActivationCodes codes(*lab);
        ActivationCodes::ImportReport report;
        QVERIFY2(codes.importCsv(codesCsv(1), u"codes.csv"_s, {}, &report, &error),
                 qPrintable(error));
    }
    // Keys the corrected value, then Correct asks the reason (answered in advance).
    const auto correctToPositive = [](ResultEntryWidget* results, const QString& reason) {
        auto* value = results->findChild<QComboBox*>(u"valueComboBox"_s);
        auto* correct = results->findChild<QPushButton*>(u"correctButton"_s);
        QVERIFY(correct->isEnabled());
        correct->click(); // the entry fields open for the corrected values
        QVERIFY(value->isEnabled());
        value->setCurrentIndex(value->findData(u"P"_s));
        QVERIFY(value->currentIndex() >= 0);
        MessageBox::setNextText(reason);
        correct->click();
    };
    const auto currentResult = [&](Store& store, ResultStore::Current* current) {
        QString error;
        QVERIFY2(ResultStore(store).current(id, current, &error), qPrintable(error));
    };

    Workstation station(fixture.path());
    QVERIFY(station.signIn(LabName));
    ResultEntryWidget* results = station.window.resultEntry();
    station.window.routeScan(sampled.specimen.accession);
    QVERIFY(!results->openRecord().isNull());
    correctToPositive(results, u"misread the curve"_s);
    auto* message = results->findChild<QLabel*>(u"messageLabel"_s);
    QVERIFY2(message->text().contains(u"second user"_s), qPrintable(message->text()));
    QCOMPARE(message->property("tone").value<Feedback::Tone>(), Feedback::Tone::Warning);
    ResultStore::Current current;
    currentResult(station.store, &current);
    QCOMPARE(current.result.value, u"N"_s);
    QCOMPARE(current.version, 2);
    const QString mine = results->findChild<QLabel*>(u"recordSummaryLabel"_s)->text();
    QVERIFY2(mine.contains(u"another user must enter it"_s), qPrintable(mine));
    station.window.lock();

    {
        Workstation secondStation(fixture.path());
        QVERIFY(secondStation.signIn(SecondLabName));
        ResultEntryWidget* second = secondStation.window.resultEntry();
        secondStation.window.routeScan(sampled.specimen.accession);
        // Blind: that a correction waits, never what it says.
        const QString summary = second->findChild<QLabel*>(u"recordSummaryLabel"_s)->text();
        QVERIFY2(summary.contains(u"correction waits"_s), qPrintable(summary));
        QVERIFY2(!summary.contains(u"positive"_s, Qt::CaseInsensitive), qPrintable(summary));
        correctToPositive(second, u"re-read the plate"_s);
        const QString said = second->findChild<QLabel*>(u"messageLabel"_s)->text();
        QVERIFY2(said.contains(u"corrected"_s), qPrintable(said));
        currentResult(secondStation.store, &current);
        QVERIFY(current.isValidatedPositive());
        QCOMPARE(current.version, 3);
    }
}

void TestLabGui::labQueueShowsTheResultButNoCorrection()
{
    StoreFixture fixture;
    addResultedRecords(fixture, 1);
    Workstation station(fixture.path());
    QVERIFY(station.signIn(LabName));
    QueueWidget* queue = station.window.queue();
    station.window.findChild<QTabWidget*>(u"workspaceTabWidget"_s)->setCurrentWidget(queue);
    queue->findChild<QComboBox*>(u"dayFilterComboBox"_s)->setCurrentIndex(1);
    auto* table = queue->findChild<QTableView*>(u"recordsTableView"_s);
    QTRY_COMPARE(table->model()->rowCount(), 1);
    table->setCurrentIndex(table->model()->index(0, 0));
    queue->showDetailNow();
    const QString detail = queue->findChild<QLabel*>(u"detailLabel"_s)->text();
    QVERIFY2(detail.contains(u"Result: negative"_s), qPrintable(detail));
    // Correcting a sampling record is the nurse's.
    QVERIFY(queue->findChild<QPushButton*>(u"correctRecordButton"_s)->isHidden());
    QVERIFY(queue->findChild<QPushButton*>(u"reprintLabelButton"_s)->isEnabled());
}

void TestLabGui::statusBarAlwaysSaysWhatWaitsForTheServer()
{
    StoreFixture fixture;
    // Two records, each queued at its save (registration) and at its result: 4 versions.
    addResultedRecords(fixture, 2);
    Workstation station(fixture.path());
    QVERIFY(station.signIn(LabName));
    QLabel* state = station.window.syncStateLabel();
    QVERIFY(state->isVisible());
    const QString text = state->text();
    QVERIFY2(text.contains(u"4 waiting since"_s), qPrintable(text));
    QVERIFY2(text.contains(u"not set up"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"sync.url"_s), qPrintable(text));
    // On every tab, not only the synchronisation one.
    auto* workspace = station.window.findChild<QTabWidget*>(u"workspaceTabWidget"_s);
    for (int tab = 0; tab < workspace->count(); ++tab) {
        workspace->setCurrentIndex(tab);
        QVERIFY(state->isVisible());
    }
    station.window.lock();
    QVERIFY(state->text().isEmpty()); // nothing of the site while locked
}

QTEST_MAIN(TestLabGui)
#include "TestLabGui.moc"
