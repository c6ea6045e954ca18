// The site's dashboard over a large store: the records loaded (1,000 a day) with their
// results, then the dashboard opened (counts read, charts drawn, first paint) and refreshed,
// beside the cost of the design it avoids: decrypting the result of every record of the
// last 14 days to count them. Prints figures; asserts nothing.
//
//   bench_dashboard [--records N] [--per-day N] [--batch N] [--runs N]
//
// The target: the dashboard opens in under 200 ms at 100,000 records.

#include "BenchSupport.h"
#include "DashboardWidget.h"
#include "RecordStore.h"
#include "ResultStore.h"
#include "SamplingRecord.h"
#include "SiteStatistics.h"
#include "Store.h"
#include "StoreTestAccess.h"
#include "TestSupport.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTextStream>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Bench;

namespace {

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// The design the sealed tally replaces: every result of the last 14 days decrypted.
int decryptLastDays(Store& store, const QDate& today, SiteStatistics::Results* counts)
{
    *counts = {};
    QSqlQuery& select = StoreTestAccess::database(store).query(
        u"SELECT id, result FROM records WHERE collected_day >= ? AND result IS NOT NULL"_s);
    select.bindValue(0, today.addDays(-(SiteStatistics::PositivityDays - 1)).toString(Qt::ISODate));
    QString error;
    if (!StoreTestAccess::database(store).exec(select, &error))
        qFatal("%s", qPrintable(error));
    int opened = 0;
    while (select.next()) {
        QByteArray cbor;
        QJsonObject merged;
        if (!store.vault()->open(u"records"_s, select.value(0).toString(), u"result"_s,
                                 select.value(1).toByteArray(), &cbor) ||
            !SamplingRecord::mergeBlockCbor(cbor, &merged)) {
            continue;
        }
        ++opened;
        const QString value = merged.value(u"result"_s).toObject().value(u"value"_s).toString();
        if (value == u"P"_s)
            ++counts->positive;
        else if (value == u"N"_s)
            ++counts->negative;
        else if (value == u"I"_s)
            ++counts->uninterpretable;
        else if (value == u"X"_s)
            ++counts->nonCompliant;
    }
    select.finish();
    return opened;
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
    const int runs = std::max(1, argument(args, u"--runs"_s, 7));
    QTextStream out(stdout);

    TestSupport::StoreFixture fixture;
    QString error;
    {
        auto admin = fixture.openAs(TestSupport::AdminName);
        // One entry validates a positive here: the load measures nothing of the second check.
        if (!admin->setSetting(ResultStore::SecondCheckSetting, u"off"_s, &error))
            qFatal("%s", qPrintable(error));
    }
    auto nurse = fixture.openAs(TestSupport::NurseName);
    auto lab = fixture.openAs(TestSupport::LabName);
    if (!nurse || !lab)
        return 1;

    // Load: perDay records a day back from today, all but today's last tenth resulted (one
    // positive in twelve). Durability is off while loading only: the figures come after.
    for (Store* store : {nurse.get(), lab.get()}) {
        if (!StoreTestAccess::database(*store).execDirect(u"PRAGMA synchronous = OFF"_s, &error))
            qFatal("%s", qPrintable(error));
    }
    const QDate today = QDate::currentDate();
    const QDateTime now = QDateTime::currentDateTime();
    // Today's records over at least a minute, even just after midnight.
    const SamplingClock sampling(now, perDay, 60);
    RecordStore::SaveOptions options;
    options.acceptWarnings = true;
    ResultStore results(*lab);
    QElapsedTimer load;
    load.start();
    int resulted = 0;
    for (int start = 0; start < records; start += batchSize) {
        QList<SamplingRecord> batch;
        for (int i = start; i < std::min(records, start + batchSize); ++i) {
            SamplingRecord record = TestSupport::validRecord(i);
            record.specimen.collectedAt = sampling.collectedAt(i);
            batch.append(record);
        }
        QList<QList<Problem>> problems;
        if (!nurse->records()->add(&batch, options, &problems, &error))
            qFatal("save failed: %s", qPrintable(error));
        for (qsizetype i = 0; i < batch.size(); ++i) {
            const int index = start + int(i);
            if (index / perDay == 0 && index % perDay < perDay / 10)
                continue; // today's most recent samples await their result
            ResultStore::Entry entry;
            entry.value = index % 12 == 0 ? u"P"_s : u"N"_s;
            entry.validatedAt = batch.at(i).specimen.collectedAt;
            ResultStore::Outcome outcome;
            QList<Problem> entryProblems;
            if (!results.enter(batch.at(i).id, entry, &outcome, &entryProblems, &error))
                qFatal("result failed: %s", qPrintable(error));
            ++resulted;
        }
    }
    const double loadMs = ms(load);
    for (Store* store : {nurse.get(), lab.get()}) {
        if (!StoreTestAccess::database(*store).execDirect(u"PRAGMA synchronous = FULL"_s, &error))
            qFatal("%s", qPrintable(error));
    }
    nurse.reset();

    // The counts alone (the model), then the dashboard opened as a person opens it.
    QList<double> snapshotMs;
    SiteStatistics::Snapshot snapshot;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        if (!SiteStatistics(*lab).snapshot(today, &snapshot, &error))
            qFatal("%s", qPrintable(error));
        snapshotMs.append(ms(timer));
    }
    QElapsedTimer timer;
    timer.start();
    DashboardWidget dashboard(*lab);
    dashboard.resize(1280, 640);
    dashboard.refresh();
    dashboard.show();
    dashboard.repaint();
    QCoreApplication::processEvents();
    const double openMs = ms(timer);
    QList<double> refreshMs;
    for (int run = 0; run < runs; ++run) {
        timer.restart();
        dashboard.refresh();
        dashboard.repaint();
        refreshMs.append(ms(timer));
    }

    // The baseline: the last 14 days' results decrypted one by one.
    QList<double> decryptMs;
    SiteStatistics::Results decrypted;
    int opened = 0;
    for (int run = 0; run < runs; ++run) {
        timer.restart();
        opened = decryptLastDays(*lab, today, &decrypted);
        decryptMs.append(ms(timer));
    }
    SiteStatistics::Results fortnight;
    for (const SiteStatistics::Results& day : std::as_const(snapshot.lastDays)) {
        fortnight.positive += day.positive;
        fortnight.negative += day.negative;
    }

    out << u"Dashboard benchmark: %1 records, %2 a day, %3 resulted\n\n"_s.arg(records)
               .arg(perDay)
               .arg(resulted);
    out << u"load: %1 ms (records and results, durability off while loading)\n"_s.arg(loadMs, 0,
                                                                                      'f', 0);
    out << u"counts alone (SiteStatistics::snapshot): median %1 ms of %2\n"_s
               .arg(median(snapshotMs), 0, 'f', 1)
               .arg(runs);
    out << u"open (construct, counts, charts, first paint): %1 ms\n"_s.arg(openMs, 0, 'f', 1);
    out << u"refresh (counts, charts, paint): median %1 ms of %2\n"_s
               .arg(median(refreshMs), 0, 'f', 1)
               .arg(runs);
    out << u"baseline, the last 14 days' results decrypted: median %1 ms (%2 results)\n"_s
               .arg(median(decryptMs), 0, 'f', 1)
               .arg(opened);
    out << u"check: 14 days P %1 N %2 from the tally, P %3 N %4 decrypted\n"_s
               .arg(fortnight.positive)
               .arg(fortnight.negative)
               .arg(decrypted.positive)
               .arg(decrypted.negative);
    out << u"today: %1 samples, %2 awaiting a result\n"_s.arg(snapshot.samplesToday)
               .arg(snapshot.awaitingResultToday);
    return fortnight.positive == decrypted.positive && fortnight.negative == decrypted.negative ? 0
                                                                                                : 1;
}
