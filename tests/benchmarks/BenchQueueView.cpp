// The queue view over a large store: loading the records (batches of saves), opening the
// view (construct, count, first paint), scrolling to the end and back, paging down, and
// searching. Prints figures and the peak resident memory; asserts nothing.
//
//   bench_queue_view [--records N] [--per-day N] [--batch N] [--postgres URL]
//
// Without --postgres: on a SQLite store file. With it: the same figures on a SQLite file,
// then on a PostgreSQL site database (made afresh as sidep_bench_queue on the cluster at
// URL; scripts/bench starts a throw-away one), each engine in a process of its own (this
// program run again) so that each peak memory is its own; each section starts with a line
// "== SQLite file" or "== PostgreSQL site database". The memory figures are this program's:
// the PostgreSQL server's processes are not counted. --postgres URL --postgres-only: the
// PostgreSQL figures alone (the second of those processes).
//
// The target: the view is usable within a second of opening, whatever the store's size.

#include "BenchSupport.h"
#include "PostgresTestCluster.h"
#include "QueueWidget.h"
#include "RecordQueueModel.h"
#include "RecordStore.h"
#include "Store.h"
#include "TestSupport.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QScrollBar>
#include <QTableView>
#include <QTest>
#include <QTextStream>
#include <algorithm>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Bench;

namespace {

struct StepFigures
{
    double totalMs = 0;
    double medianMs = 0;
    double maxMs = 0;
};

StepFigures summarise(QList<double> steps)
{
    StepFigures s;
    if (steps.isEmpty())
        return s;
    for (double step : std::as_const(steps))
        s.totalMs += step;
    std::sort(steps.begin(), steps.end());
    s.medianMs = steps.at(steps.size() / 2);
    s.maxMs = steps.last();
    return s;
}

// What a user waits for after an action: the events it queued, then a full paint.
void settle(QTableView* view)
{
    QCoreApplication::processEvents();
    view->viewport()->repaint();
}

// The SQLite figures, then the PostgreSQL ones, each by this program run again in a process
// of its own; 0 if both ran.
int bothEngines(const QStringList& args, const QString& cluster, QTextStream& out)
{
    QStringList common;
    for (const QString& option : {u"--records"_s, u"--per-day"_s, u"--batch"_s}) {
        const QString value = stringArgument(args, option);
        if (!value.isEmpty())
            common << option << value;
    }
    const QList<std::pair<QString, QStringList>> engines = {
        {u"SQLite file"_s, common},
        {u"PostgreSQL site database"_s,
         common + QStringList{u"--postgres"_s, cluster, u"--postgres-only"_s}},
    };
    int status = 0;
    for (const auto& [engine, engineArgs] : engines) {
        out << (engine == engines.first().first ? "" : "\n") << "== " << engine << Qt::endl;
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(QCoreApplication::applicationFilePath(), engineArgs);
        if (!child.waitForFinished(-1) || child.exitStatus() != QProcess::NormalExit ||
            child.exitCode() != 0) {
            out << engine << ": failed" << Qt::endl;
            status = 1;
        }
    }
    return status;
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("SIDEP_TEST_FAST_KDF", "1");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int records = std::max(1, argument(args, u"--records"_s, 100000));
    const int perDay = std::max(1, argument(args, u"--per-day"_s, 1000));
    const int batchSize = std::max(1, argument(args, u"--batch"_s, 1000));
    const QString cluster = stringArgument(args, u"--postgres"_s);
    QTextStream out(stdout);
    if (!cluster.isEmpty() && !args.contains(u"--postgres-only"_s))
        return bothEngines(args, cluster, out);

    // The store: a SQLite file of the fixture, or a new site database with the same nurse.
    std::optional<TestSupport::StoreFixture> fixture;
    std::unique_ptr<Store> store;
    if (cluster.isEmpty()) {
        fixture.emplace();
        store = fixture->openAs(TestSupport::NurseName);
    } else {
        QString error;
        const QString site =
            TestSupport::siteDatabaseWithNurse(cluster, u"sidep_bench_queue"_s, &error);
        if (site.isEmpty()) {
            out << "cannot make the site database: " << error << Qt::endl;
            return 1;
        }
        store = std::make_unique<Store>();
        if (!store->open(site, &error) ||
            !store->signIn(TestSupport::NurseName, TestSupport::password(), &error)) {
            out << "cannot sign in on the site database: " << error << Qt::endl;
            return 1;
        }
    }
    if (!store)
        return 1;
    RecordStore* recordStore = store->records();

    // Load: perDay records a day, today's between midnight and now whatever the hour.
    const SamplingClock sampling(QDateTime::currentDateTime(), perDay);
    RecordStore::SaveOptions options;
    options.acceptWarnings = true; // samplings older than a week ask for confirmation
    double saveMs = 0;
    QElapsedTimer load;
    load.start();
    for (int start = 0; start < records; start += batchSize) {
        QList<SamplingRecord> batch;
        for (int i = start; i < std::min(records, start + batchSize); ++i) {
            SamplingRecord record = TestSupport::validRecord(i);
            record.specimen.collectedAt = sampling.collectedAt(i);
            batch.append(record);
        }
        QList<QList<Problem>> problems;
        QString error;
        QElapsedTimer save;
        save.start();
        if (!recordStore->add(&batch, options, &problems, &error))
            qFatal("save failed: %s", qPrintable(error));
        saveMs += ms(save);
    }
    const double loadMs = ms(load);
    QCoreApplication::processEvents(); // recordSaved has no listener yet; nothing queued
    const qint64 loadPeakKb = procStatus("VmHWM");
    resetPeak();

    QString error;

    // The store alone: one page at the top and one at the end, to tell the model's work
    // from the database's.
    QElapsedTimer timer;
    timer.start();
    const int all = recordStore->count({}, &error);
    const double countMs = ms(timer);
    timer.restart();
    recordStore->page({}, 0, RecordQueueModel::DefaultPageSize, true, &error);
    const double firstPageMs = ms(timer);
    timer.restart();
    recordStore->page({}, std::max(0, all - RecordQueueModel::DefaultPageSize),
                      RecordQueueModel::DefaultPageSize, true, &error);
    const double lastPageMs = ms(timer);

    // Opening: construct, count, show, until the first rows are fetched and painted.
    timer.restart();
    QueueWidget widget;
    widget.setRecordStore(recordStore);
    widget.resize(1366, 700); // a 1366x768 screen less the title bar and the panel
    widget.show();
    auto* view = widget.findChild<QTableView*>(u"recordsTableView"_s);
    RecordQueueModel* model = widget.model();
    while (model->decryptedRowCount() == 0 && timer.elapsed() < 10000)
        settle(view);
    const double openTodayMs = ms(timer);
    const int todayRows = model->rowCount();

    timer.restart();
    widget.findChild<QComboBox*>(u"dayFilterComboBox"_s)->setCurrentIndex(1); // all days
    settle(view);
    const double openAllMs = ms(timer);
    const int allRows = model->rowCount();

    // Scrolling: the scroll bar dragged to the end and back in 200 steps each.
    constexpr int StepCount = 200;
    QScrollBar* bar = view->verticalScrollBar();
    const int maximum = bar->maximum();
    QList<double> down;
    QList<double> up;
    const qint64 decryptedBeforeScroll = model->decryptedRowCount();
    for (int step = 1; step <= StepCount; ++step) {
        timer.restart();
        bar->setValue(int(qint64(maximum) * step / StepCount));
        settle(view);
        down.append(ms(timer));
    }
    for (int step = StepCount - 1; step >= 0; --step) {
        timer.restart();
        bar->setValue(int(qint64(maximum) * step / StepCount));
        settle(view);
        up.append(ms(timer));
    }
    const qint64 scrollDecrypted = model->decryptedRowCount() - decryptedBeforeScroll;

    // Reading the queue: 200 Page Down from the top, keyboard in the table.
    view->setFocus();
    view->setCurrentIndex(model->index(0, 0));
    QList<double> pageDowns;
    for (int step = 0; step < StepCount; ++step) {
        timer.restart();
        QTest::keyClick(view, Qt::Key_PageDown);
        settle(view);
        pageDowns.append(ms(timer));
    }
    const int pageDownRow = view->currentIndex().row();

    // Searching, over all days: a patient name from the middle, then a tube label.
    auto* search = widget.findChild<QLineEdit*>(u"searchLineEdit"_s);
    const int middle = records / 2;
    search->setText(TestSupport::identifyingStrings(middle).at(0));
    timer.restart();
    QTest::keyClick(search, Qt::Key_Return);
    settle(view);
    const double nameSearchMs = ms(timer);
    const int nameRows = model->rowCount();
    search->setText(u"CHU75-2020-%1"_s.arg(middle + 1, 6, 10, QLatin1Char('0')));
    timer.restart();
    QTest::keyClick(search, Qt::Key_Return);
    settle(view);
    const double tubeSearchMs = ms(timer);
    const int tubeRows = model->rowCount();
    const qint64 viewPeakKb = procStatus("VmHWM");

    const StepFigures downFigures = summarise(down);
    const StepFigures upFigures = summarise(up);
    const StepFigures pageFigures = summarise(pageDowns);
    out << u"Queue view benchmark: %1 records, %2 a day, saved in batches of %3%4\n\n"_s
               .arg(records)
               .arg(perDay)
               .arg(batchSize)
               .arg(cluster.isEmpty() ? QString() : u", on a PostgreSQL site database"_s);
    out << u"load: %1 ms (%2 records/s; saving %3 ms, building the records %4 ms)\n"_s
               .arg(loadMs, 0, 'f', 0)
               .arg(records / (loadMs / 1000), 0, 'f', 0)
               .arg(saveMs, 0, 'f', 0)
               .arg(loadMs - saveMs, 0, 'f', 0);
    out << u"store alone: count %1 ms, page of %2 at the top %3 ms, at the end %4 ms\n"_s
               .arg(countMs, 0, 'f', 1)
               .arg(RecordQueueModel::DefaultPageSize)
               .arg(firstPageMs, 0, 'f', 1)
               .arg(lastPageMs, 0, 'f', 1);
    out << u"open (construct, count, show, first rows painted), today: %1 ms (%2 rows)\n"_s
               .arg(openTodayMs, 0, 'f', 1)
               .arg(todayRows);
    out << u"switch to all days (count, first rows painted): %1 ms (%2 rows)\n"_s
               .arg(openAllMs, 0, 'f', 1)
               .arg(allRows);
    auto steps = [&](const QString& what, const StepFigures& s) {
        out << u"%1: total %2 ms, per step median %3 ms, max %4 ms\n"_s.arg(what)
                   .arg(s.totalMs, 0, 'f', 0)
                   .arg(s.medianMs, 0, 'f', 1)
                   .arg(s.maxMs, 0, 'f', 1);
    };
    steps(u"scroll to the end in %1 steps"_s.arg(StepCount), downFigures);
    steps(u"scroll back to the top in %1 steps"_s.arg(StepCount), upFigures);
    out << u"  rows decrypted while scrolling: %1 (of %2)\n"_s.arg(scrollDecrypted).arg(allRows);
    steps(u"%1 Page Down (to row %2)"_s.arg(StepCount).arg(pageDownRow), pageFigures);
    out << u"search by name: %1 ms (%2 row); by tube label: %3 ms (%4 row)\n"_s
               .arg(nameSearchMs, 0, 'f', 1)
               .arg(nameRows)
               .arg(tubeSearchMs, 0, 'f', 1)
               .arg(tubeRows);
    out << u"rows decrypted in all: %1\n"_s.arg(model->decryptedRowCount());
    out << u"peak RSS: %1 MiB while loading, %2 MiB for the view (VmHWM)\n"_s
               .arg(loadPeakKb / 1024.0, 0, 'f', 1)
               .arg(viewPeakKb / 1024.0, 0, 'f', 1);
    return 0;
}
