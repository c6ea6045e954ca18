// The site's dashboard driven through the real window: every role has it, it counts what
// the store holds (samples per hour, results, positivity, codes, what waits), follows a new
// result at once, saves itself as PNG and CSV, and shows no identity.

#include "ActivationCodes.h"
#include "DashboardWidget.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "RecordStore.h"
#include "ResultEntryWidget.h"
#include "ResultStore.h"
#include "Store.h"
#include "TestSupport.h"
#include "UiLanguage.h"

#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPieSeries>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;
using namespace GuiTestSupport;

namespace {

QDate samplingDay()
{
    return QDate::fromString(collectionTime().left(10), Qt::ISODate);
}

QBarSet* firstBarSet(QWidget* dashboard, const QString& view)
{
    auto* chartView = dashboard->findChild<QChartView*>(view);
    if (!chartView || chartView->chart()->series().isEmpty())
        return nullptr;
    auto* bars = qobject_cast<QBarSeries*>(chartView->chart()->series().first());
    return bars && !bars->barSets().isEmpty() ? bars->barSets().first() : nullptr;
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyRoleHasTheDashboard();
    void countsFollowTheStoreAndExport();
};

void TestDashboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"sidep-tests"_s);
    UiLanguage::apply(u"en"_s);
    QSettings().setValue(u"feedback/sound"_s, false);
}

void TestDashboard::everyRoleHasTheDashboard()
{
    StoreFixture fixture;
    addResultedRecords(fixture, 2);
    for (const QString& user : {NurseName, LabName, AdminName}) {
        Workstation station(fixture.path());
        QVERIFY(station.signIn(user));
        DashboardWidget* dashboard = station.window.dashboard();
        auto* workspace = station.window.findChild<QTabWidget*>(u"workspaceTabWidget"_s);
        QVERIFY2(workspace->indexOf(dashboard) >= 0, qPrintable(user));
        workspace->setCurrentWidget(dashboard);
        dashboard->setToday(samplingDay);
        dashboard->refresh();
        QCOMPARE(dashboard->snapshot().resultsToday.negative, 2);
    }
}

void TestDashboard::countsFollowTheStoreAndExport()
{
    StoreFixture fixture;
    QString error;
    QList<SamplingRecord> records;
    {
        auto admin = fixture.openAs(AdminName);
        QVERIFY(admin->setSetting(ResultStore::SecondCheckSetting, u"off"_s, &error));
        auto nurse = fixture.openAs(NurseName);
        for (int i = 0; i < 4; ++i)
            records.append(validRecord(i));
        QList<QList<Problem>> problems;
        QVERIFY2(nurse->records()->add(&records, {}, &problems, &error), qPrintable(error));
        auto lab = fixture.openAs(LabName);
        ResultStore results(*lab);
        for (const auto& [index, value] : {std::pair{0, u"P"_s}, {1, u"N"_s}}) {
            ResultStore::Entry entry;
            entry.value = value;
            ResultStore::Outcome outcome;
            QList<Problem> entryProblems;
            QVERIFY2(results.enter(records[index].id, entry, &outcome, &entryProblems, &error),
                     qPrintable(error));
        }
    }
    Workstation station(fixture.path());
    QVERIFY(station.signIn(LabName));
    MainWindow& window = station.window;
    DashboardWidget* dashboard = window.dashboard();
    dashboard->setToday(samplingDay);
    window.findChild<QTabWidget*>(u"workspaceTabWidget"_s)->setCurrentWidget(dashboard);
    dashboard->refresh();

    const SiteStatistics::Snapshot& snapshot = dashboard->snapshot();
    QCOMPARE(snapshot.samplesToday, 4);
    QCOMPARE(snapshot.awaitingResultToday, 2);
    QCOMPARE(snapshot.resultsToday.positive, 1);
    QCOMPARE(snapshot.resultsToday.negative, 1);
    // The charts show the same: the samples in their hour, the positivity of the day.
    const int hour =
        QDateTime::fromString(collectionTime(), Qt::ISODate).toOffsetFromUtc(3600).time().hour();
    QBarSet* samples = firstBarSet(dashboard, u"hoursChartView"_s);
    QVERIFY(samples);
    double charted = 0;
    for (int i = 0; i < samples->count(); ++i)
        charted += samples->at(i);
    QCOMPARE(charted, 4.0);
    QCOMPARE(snapshot.samplesPerHour.at(hour), 4);
    QBarSet* positivity = firstBarSet(dashboard, u"positivityChartView"_s);
    QVERIFY(positivity);
    QCOMPARE(positivity->count(), SiteStatistics::PositivityDays);
    QCOMPARE(positivity->at(SiteStatistics::PositivityDays - 1), 50.0);
    auto* pie = qobject_cast<QPieSeries*>(
        dashboard->findChild<QChartView*>(u"resultsChartView"_s)->chart()->series().value(0));
    QVERIFY(pie);
    QCOMPARE(pie->sum(), 4.0); // positive, negative, two awaiting
    QVERIFY(dashboard->findChild<QLabel*>(u"positivityLabel"_s)->text().contains(u"50.0 %"_s));

    // A result entered on the lab screen: the dashboard follows at once.
    window.routeScan(records[2].specimen.accession);
    ResultEntryWidget* entry = window.resultEntry();
    auto* value = entry->findChild<QComboBox*>(u"valueComboBox"_s);
    value->setCurrentIndex(value->findData(u"N"_s));
    entry->findChild<QPushButton*>(u"enterButton"_s)->click();
    QTRY_COMPARE(dashboard->snapshot().resultsToday.negative, 2);
    QCOMPARE(dashboard->snapshot().awaitingResultToday, 1);

    // Saved as figures and as an image.
    QTemporaryDir dir;
    MessageBox::setNextFile(dir.filePath(u"figures.csv"_s));
    dashboard->findChild<QPushButton*>(u"exportCsvButton"_s)->click();
    QFile csv(dir.filePath(u"figures.csv"_s));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString figures = QString::fromUtf8(csv.readAll());
    QCOMPARE(figures, dashboard->csv());
    QVERIFY2(figures.contains(u"results_today,N,2\n"_s), qPrintable(figures));
    QVERIFY2(figures.contains(u"results_today,P,1\n"_s), qPrintable(figures));
    QVERIFY2(figures.contains(u"today,samples,4\n"_s), qPrintable(figures));
    MessageBox::setNextFile(dir.filePath(u"dashboard.png"_s));
    dashboard->findChild<QPushButton*>(u"exportImageButton"_s)->click();
    const QImage image(dir.filePath(u"dashboard.png"_s));
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), dashboard->size() * dashboard->devicePixelRatio());

    // Counts only: no name, tube or NIR anywhere on it or in its figures.
    for (const SamplingRecord& record : std::as_const(records)) {
        for (const QString& identifying : {record.patient.birthName, record.patient.firstNames,
                                           record.specimen.accession, record.patient.ins}) {
            QVERIFY(!figures.contains(identifying));
            for (QLabel* label : dashboard->findChildren<QLabel*>())
                QVERIFY(!label->text().contains(identifying));
        }
    }
}

QTEST_MAIN(TestDashboard)
#include "TestDashboard.moc"
