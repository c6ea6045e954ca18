// The site's counts for the dashboard: samples by hour, results by sampling day from the
// sealed tally (followed through results, corrections, cancellations and amendments, rebuilt
// when missing), codes left; and that nothing in clear says which records are positive.

#include "ActivationCodes.h"
#include "RecordStore.h"
#include "ResultStore.h"
#include "SiteStatistics.h"
#include "Store.h"
#include "StoreTestAccess.h"
#include "TestSupport.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

// The day the fixture's records are sampled (their sampling time as written).
QDate samplingDay()
{
    return QDate::fromString(collectionTime().left(10), Qt::ISODate);
}

QByteArray rawTally(const QString& path)
{
    QByteArray value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(path);
        db.open();
        QSqlQuery query(db);
        query.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
        query.bindValue(0, SiteStatistics::TallyKey);
        if (query.exec() && query.next())
            value = query.value(0).toByteArray();
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    return value;
}

SiteStatistics::Results counted(int positive, int negative, int uninterpretable, int nonCompliant)
{
    SiteStatistics::Results counts;
    counts.positive = positive;
    counts.negative = negative;
    counts.uninterpretable = uninterpretable;
    counts.nonCompliant = nonCompliant;
    return counts;
}

} // namespace

class TestSiteStatistics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tallyFollowsResultsCorrectionsAndCancellations();
    void tallyIsSealedAndItsSizeSaysNothing();
    void rebuiltTallyMatchesTheRunningOne();
    void snapshotCountsTheDay();
    void amendedSamplingDayMovesTheResult();

private:
    // Five records sampled, their ids in order; the second check off so that a positive is
    // validated by one entry.
    QList<QUuid> sampled(StoreFixture& fixture, int count = 5);
    static void enter(ResultStore& results, const QUuid& id, const QString& value);
};

QList<QUuid> TestSiteStatistics::sampled(StoreFixture& fixture, int count)
{
    QString error;
    {
        auto admin = fixture.openAs(AdminName);
        if (!admin->setSetting(ResultStore::SecondCheckSetting, u"off"_s, &error))
            qFatal("%s", qPrintable(error));
    }
    auto nurse = fixture.openAs(NurseName);
    QList<SamplingRecord> records;
    for (int i = 0; i < count; ++i)
        records.append(validRecord(i));
    QList<QList<Problem>> problems;
    if (!nurse->records()->add(&records, {}, &problems, &error))
        qFatal("%s", qPrintable(error));
    QList<QUuid> ids;
    for (const SamplingRecord& record : std::as_const(records))
        ids.append(record.id);
    return ids;
}

void TestSiteStatistics::enter(ResultStore& results, const QUuid& id, const QString& value)
{
    ResultStore::Entry entry;
    entry.value = value;
    if (value == u"X"_s)
        entry.nonConformity = u"tube leaked"_s;
    ResultStore::Outcome outcome;
    QList<Problem> problems;
    QString error;
    QVERIFY2(results.enter(id, entry, &outcome, &problems, &error), qPrintable(error));
    QCOMPARE(outcome, ResultStore::Outcome::Validated);
}

void TestSiteStatistics::tallyFollowsResultsCorrectionsAndCancellations()
{
    StoreFixture fixture;
    const QList<QUuid> ids = sampled(fixture);
    auto lab = fixture.openAs(LabName);
    ResultStore results(*lab);
    SiteStatistics statistics(*lab);
    QMap<QDate, SiteStatistics::Results> days;
    QString error;
    enter(results, ids[0], u"N"_s);
    enter(results, ids[1], u"N"_s);
    enter(results, ids[2], u"P"_s);
    enter(results, ids[3], u"I"_s);
    QVERIFY2(statistics.resultsByDay(&days, &error), qPrintable(error));
    QCOMPARE(days.value(samplingDay()), counted(1, 2, 1, 0));

    // A negative corrected to positive, an uninterpretable cancelled.
    ResultStore::Entry positive;
    positive.value = u"P"_s;
    QList<Problem> problems;
    QVERIFY2(results.correct(ids[1], positive, u"misread"_s, &problems, &error), qPrintable(error));
    QVERIFY2(results.cancel(ids[3], u"wrong tube"_s, &error), qPrintable(error));
    QVERIFY(statistics.resultsByDay(&days, &error));
    QCOMPARE(days.value(samplingDay()), counted(2, 1, 0, 0));
    QCOMPARE(days.value(samplingDay()).positivityPercent(), 200.0 / 3);
    enter(results, ids[4], u"X"_s);
    QVERIFY(statistics.resultsByDay(&days, &error));
    QCOMPARE(days.value(samplingDay()), counted(2, 1, 0, 1));
}

void TestSiteStatistics::tallyIsSealedAndItsSizeSaysNothing()
{
    StoreFixture fixture;
    const QList<QUuid> ids = sampled(fixture);
    auto lab = fixture.openAs(LabName);
    ResultStore results(*lab);
    enter(results, ids[0], u"N"_s);
    const QByteArray first = rawTally(fixture.path());
    QVERIFY(!first.isEmpty());
    // Neither the day nor any count in clear.
    QVERIFY(!first.contains(samplingDay().toString(Qt::ISODate).toLatin1()));
    // A positive, then many negatives on the same day: the sealed tally keeps its size, so
    // its length never tells which kind of result was just written.
    enter(results, ids[1], u"P"_s);
    const QByteArray second = rawTally(fixture.path());
    QCOMPARE(second.size(), first.size());
    QVERIFY(second != first);
    for (int i = 2; i < ids.size(); ++i)
        enter(results, ids[i], u"N"_s);
    QCOMPARE(rawTally(fixture.path()).size(), first.size());
    // And it opens only with the store's key.
    QByteArray opened;
    QVERIFY(lab->vault()->open(u"meta"_s, SiteStatistics::TallyKey, u"value"_s, second, &opened));
    QVERIFY(!lab->vault()->open(u"meta"_s, u"other"_s, u"value"_s, second, &opened));
}

void TestSiteStatistics::rebuiltTallyMatchesTheRunningOne()
{
    StoreFixture fixture;
    const QList<QUuid> ids = sampled(fixture);
    {
        auto lab = fixture.openAs(LabName);
        ResultStore results(*lab);
        enter(results, ids[0], u"P"_s);
        enter(results, ids[1], u"N"_s);
        enter(results, ids[2], u"N"_s);
        QString error;
        QVERIFY(results.cancel(ids[2], u"wrong tube"_s, &error));
    }
    auto admin = fixture.openAs(AdminName); // any role reads the counts
    SiteStatistics statistics(*admin);
    QMap<QDate, SiteStatistics::Results> running;
    QString error;
    QVERIFY2(statistics.resultsByDay(&running, &error), qPrintable(error));
    QCOMPARE(running.value(samplingDay()), counted(1, 1, 0, 0));
    // A store from before the tally (or one whose tally was lost): made again from the
    // records, the same counts.
    QVERIFY(StoreTestAccess::database(*admin).execDirect(
        u"DELETE FROM meta WHERE key = '%1'"_s.arg(SiteStatistics::TallyKey), &error));
    QMap<QDate, SiteStatistics::Results> rebuilt;
    QVERIFY2(statistics.resultsByDay(&rebuilt, &error), qPrintable(error));
    QCOMPARE(rebuilt, running);
    QVERIFY(!rawTally(fixture.path()).isEmpty());
}

void TestSiteStatistics::snapshotCountsTheDay()
{
    StoreFixture fixture;
    QString error;
    {
        auto admin = fixture.openAs(AdminName);
        QVERIFY(admin->setSetting(ResultStore::SecondCheckSetting, u"off"_s, &error));
    }
    // Samples at 08:10, 08:50 and 10:05 on a day two days back (written with the site's
    // offset), whenever the test runs.
    const QDate day = samplingDay().addDays(-2);
    QList<SamplingRecord> records;
    const QStringList times = {u"08:10"_s, u"08:50"_s, u"10:05"_s};
    for (int i = 0; i < times.size(); ++i) {
        SamplingRecord record = validRecord(i);
        record.specimen.collectedAt =
            day.toString(Qt::ISODate) + u'T' + times.at(i) + u":00"_s + collectionTime().right(6);
        records.append(record);
    }
    {
        auto nurse = fixture.openAs(NurseName);
        QList<QList<Problem>> problems;
        QVERIFY2(nurse->records()->add(&records, {}, &problems, &error), qPrintable(error));
    }
    auto lab = fixture.openAs(LabName);
    ResultStore results(*lab);
    enter(results, records[0].id, u"N"_s);
    SiteStatistics::Snapshot snapshot;
    QVERIFY2(SiteStatistics(*lab).snapshot(day, &snapshot, &error), qPrintable(error));
    QCOMPARE(snapshot.samplesToday, 3);
    QCOMPARE(snapshot.samplesPerHour.size(), 24);
    QCOMPARE(snapshot.samplesPerHour.at(8), 2);
    QCOMPARE(snapshot.samplesPerHour.at(10), 1);
    QCOMPARE(snapshot.samplesPerHour.at(9), 0);
    QCOMPARE(snapshot.awaitingResultToday, 2);
    QCOMPARE(snapshot.resultsToday, counted(0, 1, 0, 0));
    QCOMPARE(snapshot.lastDays.size(), SiteStatistics::PositivityDays);
    QCOMPARE(snapshot.lastDays.firstKey(), day.addDays(-13));
    QCOMPARE(snapshot.lastDays.lastKey(), day);
    QCOMPARE(snapshot.codesLeft, 0);
}

void TestSiteStatistics::amendedSamplingDayMovesTheResult()
{
    StoreFixture fixture;
    const QList<QUuid> ids = sampled(fixture, 1);
    {
        auto lab = fixture.openAs(LabName);
        ResultStore results(*lab);
        enter(results, ids[0], u"P"_s);
    }
    auto nurse = fixture.openAs(NurseName);
    SamplingRecord record;
    QString error;
    QVERIFY(nurse->records()->load(ids[0], &record, &error));
    // Sampled the day before, in fact (typed late). The result is not the record's to amend.
    record.result = TestResult{};
    record.activation = Activation{};
    const QDateTime sampled = QDateTime::fromString(record.specimen.collectedAt, Qt::ISODate);
    record.specimen.collectedAt =
        sampled.addDays(-1).toOffsetFromUtc(sampled.offsetFromUtc()).toString(Qt::ISODate);
    RecordStore::SaveOptions options;
    options.acceptWarnings = true;
    QList<Problem> problems;
    QVERIFY2(nurse->records()->amend(ids[0], &record, u"sampled yesterday"_s, options, &problems,
                                     &error),
             qPrintable(error));
    QMap<QDate, SiteStatistics::Results> days;
    QVERIFY(SiteStatistics(*nurse).resultsByDay(&days, &error));
    QCOMPARE(days.value(samplingDay()).positive, 0);
    QCOMPARE(days.value(samplingDay().addDays(-1)).positive, 1);
}

QTEST_GUILESS_MAIN(TestSiteStatistics)
#include "TestSiteStatistics.moc"
