// Renders the workstation's main screens to PNG files, offscreen, on a throw-away demo
// store: scripts/screenshots runs it and writes docs/screenshots/. The data is invented.
//
//   sidep-screenshots OUTPUT_DIR [--language fr|en]

#include "DashboardWidget.h"
#include "MainWindow.h"
#include "QueueWidget.h"
#include "RecordFormWidget.h"
#include "RecordStore.h"
#include "ResultEntryWidget.h"
#include "ResultStore.h"
#include "ScannerInput.h"
#include "Store.h"
#include "TestSupport.h"
#include "TubeLabelPrinter.h"
#include "UiLanguage.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLineEdit>
#include <QPainter>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

void settle()
{
    for (int i = 0; i < 5; ++i)
        QTest::qWait(20);
}

bool shoot(QWidget& window, const QString& folder, const QString& name)
{
    settle();
    const QString path = QDir(folder).filePath(name + u".png"_s);
    const bool saved = window.grab().save(path);
    qInfo("%s %s", saved ? "wrote" : "could not write", qPrintable(path));
    return saved;
}

void signIn(MainWindow& window, const QString& user)
{
    auto* name = window.findChild<QLineEdit*>(u"userNameLineEdit"_s);
    auto* password = window.findChild<QLineEdit*>(u"passwordLineEdit"_s);
    if (!name->isReadOnly())
        name->setText(user);
    password->setText(Password);
    QTest::keyClick(password, Qt::Key_Return);
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("SIDEP_TEST_FAST_KDF", "1");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        qWarning("usage: sidep-screenshots OUTPUT_DIR [--language fr|en]");
        return 2;
    }
    const QString folder = args.at(1);
    QDir().mkpath(folder);
    const qsizetype languageAt = args.indexOf(u"--language"_s);
    const QString language = languageAt > 0 ? args.value(languageAt + 1) : u"fr"_s;
    UiLanguage::apply(language);

    StoreFixture fixture;
    {
        auto nurse = fixture.openAs(NurseName);
        QList<SamplingRecord> records;
        for (int i = 0; i < 40; ++i)
            records.append(validRecord(i));
        QList<QList<Problem>> problems;
        QString error;
        if (!nurse->records()->add(&records, {}, &problems, &error))
            qFatal("demo records: %s", qPrintable(error));
        // A few results, so that the lab's queue and the site figures have some.
        auto lab = fixture.openAs(LabName);
        ResultStore results(*lab);
        for (int i = 30; i < 40; ++i) {
            ResultStore::Entry entry;
            entry.value = i % 5 == 0 ? u"I"_s : u"N"_s;
            ResultStore::Outcome outcome;
            QList<Problem> entryProblems;
            if (!results.enter(records.at(i).id, entry, &outcome, &entryProblems, &error))
                qFatal("demo results: %s", qPrintable(error));
        }
    }

    Store store;
    MainWindow window(store, fixture.path());
    window.resize(1280, 720);
    window.show();
    window.start();
    bool ok = shoot(window, folder, u"01-sign-in"_s);

    signIn(window, NurseName);
    RecordFormWidget* form = window.recordForm();
    auto* pages = form->findChild<QTabWidget*>(u"pagesTabWidget"_s);
    // A used tube label, stopped at the scan.
    window.routeScan(validRecord(3).specimen.accession);
    ok = shoot(window, folder, u"10-tube-refused"_s) && ok;

    form->startNew();
    window.routeScan(u"CHU75-2020-000123"_s);
    QJsonObject json = form->formJson();
    QJsonObject patient = validRecordJson(123).value(u"patient"_s).toObject();
    patient.insert(u"identityStatus"_s, u"qualified"_s); // as an INS document gives it
    json.insert(u"patient"_s, patient);
    json.insert(u"contact"_s, validRecordJson(123).value(u"contact"_s));
    json.insert(u"residence"_s, validRecordJson(123).value(u"residence"_s));
    json.insert(u"healthProfessional"_s, validRecordJson(123).value(u"healthProfessional"_s));
    json.insert(u"symptomOnset"_s, validRecordJson(123).value(u"symptomOnset"_s));
    json.insert(u"symptoms"_s, validRecordJson(123).value(u"symptoms"_s));
    form->setFormJson(json);
    form->applyIdentity(json.value(u"patient"_s).toObject()); // the banner
    pages->setCurrentIndex(RecordField::IdentityPage);
    ok = shoot(window, folder, u"02-sampling-identity"_s) && ok;
    pages->setCurrentIndex(RecordField::SituationPage);
    ok = shoot(window, folder, u"03-sampling-situation"_s) && ok;
    pages->setCurrentIndex(RecordField::ReviewPage);
    ok = shoot(window, folder, u"05-sampling-review"_s) && ok;
    // A wrong NIR key, as the nurse sees it when she leaves the field.
    auto* nir = qobject_cast<QLineEdit*>(form->fieldWidget(u"patient.ins"_s));
    pages->setCurrentIndex(RecordField::IdentityPage);
    nir->setFocus();
    nir->setText(u"295109912611199"_s);
    QTest::keyClick(nir, Qt::Key_Return);
    pages->setCurrentIndex(RecordField::IdentityPage); // the message beside the field
    ok = shoot(window, folder, u"04-sampling-invalid-nir"_s) && ok;
    form->startNew();

    auto* workspace = window.findChild<QTabWidget*>(u"workspaceTabWidget"_s);
    QueueWidget* queue = window.queue();
    workspace->setCurrentWidget(queue);
    auto* table = queue->findChild<QTableView*>(u"recordsTableView"_s);
    table->setCurrentIndex(table->model()->index(2, 0));
    queue->showDetailNow();
    ok = shoot(window, folder, u"06-queue"_s) && ok;

    window.lock();
    ok = shoot(window, folder, u"07-locked"_s) && ok;
    signIn(window, NurseName);
    window.lock();
    store.signOut();

    // A tube label as printed (50 x 25 mm at 300 dpi).
    {
        QImage label(591, 295, QImage::Format_RGB32);
        label.fill(Qt::white);
        QPainter painter(&label);
        TubeLabelPrinter::paint(painter, QRectF(0, 0, 591, 295), u"S75-2026-000042"_s,
                                u"CHU Test"_s, QDate::currentDate());
        painter.end();
        const QString path = QDir(folder).filePath(u"09-tube-label.png"_s);
        ok = label.save(path) && ok;
        qInfo("wrote %s", qPrintable(path));
    }

    // The lab: a rack keyed a tube and a key at a time, its tally; then the site figures.
    {
        Store labStore;
        MainWindow labWindow(labStore, fixture.path());
        labWindow.resize(1280, 720);
        labWindow.show();
        labWindow.start();
        signIn(labWindow, LabName);
        ResultEntryWidget* results = labWindow.resultEntry();
        results->findChild<QCheckBox*>(u"batchModeCheckBox"_s)->setChecked(true);
        const Qt::Key keys[] = {Qt::Key_2, Qt::Key_2, Qt::Key_1, Qt::Key_2,
                                Qt::Key_2, Qt::Key_3, Qt::Key_2, Qt::Key_2};
        // Keys typed like a person's, not a scanner's burst.
        auto clock = std::make_shared<qint64>(0);
        labWindow.scannerInput()->setClock([clock] { return *clock += 100; });
        for (int i = 0; i < 8; ++i) {
            labWindow.routeScan(validRecord(10 + i).specimen.accession);
            QTest::keyClick(QApplication::focusWidget(), keys[i]);
            labWindow.scannerInput()->flushIfQuiet();
            QCoreApplication::processEvents();
        }
        labWindow.routeScan(validRecord(18).specimen.accession);
        ok = shoot(labWindow, folder, u"11-lab-rack"_s) && ok;
        auto* labWorkspace = labWindow.findChild<QTabWidget*>(u"workspaceTabWidget"_s);
        labWorkspace->setCurrentWidget(labWindow.dashboard());
        ok = shoot(labWindow, folder, u"12-dashboard"_s) && ok;
        labWindow.lock();
        labStore.signOut();
    }

    Store adminStore;
    MainWindow adminWindow(adminStore, fixture.path());
    adminWindow.resize(1280, 720);
    adminWindow.show();
    adminWindow.start();
    signIn(adminWindow, AdminName);
    ok = shoot(adminWindow, folder, u"08-accounts"_s) && ok;
    return ok ? 0 : 1;
}
