// The retention purge: once the national server has acknowledged a record and the site's
// window has passed, its identifying data leaves the workstation (the bytes too, from the
// database, its WAL and its shared-memory file); its counts stay for the statistics.

#include "ActivationCodes.h"
#include "DraftStore.h"
#include "FakeSyncServer.h"
#include "Outbox.h"
#include "RecordPurge.h"
#include "RecordStore.h"
#include "ResultStore.h"
#include "SidepCtl.h"
#include "SidepCtlRun.h"
#include "Store.h"
#include "StoreTestAccess.h"
#include "SyncEngine.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

// Whole seconds: the outbox keeps its times to the second.
QDateTime startTime()
{
    return QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
}

QString idText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

QByteArray reportPdf(int bytes)
{
    QByteArray pdf = "%PDF-1.4\n";
    while (pdf.size() < bytes)
        pdf.append(char('A' + QRandomGenerator::global()->bounded(26)));
    return pdf;
}

// Records validRecord(first) ... sampled by the nurse.
QList<QUuid> sample(StoreFixture& fixture, int first, int count)
{
    auto nurse = fixture.openAs(NurseName);
    QList<SamplingRecord> records;
    for (int i = first; i < first + count; ++i)
        records.append(validRecord(i));
    QList<QList<Problem>> problems;
    QString error;
    if (!nurse->records()->add(&records, {}, &problems, &error))
        qFatal("%s", qPrintable(error));
    QList<QUuid> ids;
    for (const SamplingRecord& record : std::as_const(records))
        ids.append(record.id);
    return ids;
}

bool enterResult(Store& lab, const QUuid& id, const QString& value, const QByteArray& pdf = {})
{
    ResultStore results(lab);
    ResultStore::Entry entry;
    entry.value = value;
    entry.reportPdf = pdf;
    ResultStore::Outcome outcome;
    QList<Problem> problems;
    QString error;
    const bool entered = results.enter(id, entry, &outcome, &problems, &error);
    if (!entered || outcome != ResultStore::Outcome::Validated)
        qWarning("result not validated: %s", qPrintable(error));
    return entered && outcome == ResultStore::Outcome::Validated;
}

// Sends what waits, on the engine's clock at `at`, to a server that acknowledges it all
// (except the ids it is told to reject).
void sync(Store& lab, FakeSyncServer& server, const QDateTime& at)
{
    SyncEngine engine(lab, &server);
    engine.setClock([at] { return at; });
    QString error;
    QVERIFY2(engine.retryNow(&error), qPrintable(error));
    while (engine.sendNextBatch()) {
    }
}

// The record's clinical status, or "acknowledged" once the national server has its latest
// version with a result (what the purge waits for).
QString status(Store& store, const QUuid& id)
{
    QSqlQuery& select =
        StoreTestAccess::database(store).query(u"SELECT status FROM records WHERE id = ?"_s);
    select.bindValue(0, idText(id));
    const QString value = select.exec() && select.next() ? select.value(0).toString() : QString();
    select.finish();
    if (value == u"resulted"_s && Outbox(store).latestState(id) == u"acknowledged"_s)
        return u"acknowledged"_s;
    return value;
}

int countRows(Store& store, const QString& sql, const QVariantList& values = {})
{
    QSqlQuery& select = StoreTestAccess::database(store).query(sql);
    for (int i = 0; i < values.size(); ++i)
        select.bindValue(i, values.at(i));
    const int value = select.exec() && select.next() ? select.value(0).toInt() : -1;
    select.finish();
    return value;
}

// Every non-empty blob of the rows that `sql` selects (one bound id).
QList<QByteArray> blobs(Store& store, const QString& sql, const QString& id)
{
    QList<QByteArray> found;
    QSqlQuery& select = StoreTestAccess::database(store).query(sql);
    select.bindValue(0, id);
    if (select.exec()) {
        while (select.next()) {
            for (int column = 0; column < select.record().count(); ++column) {
                const QByteArray bytes = select.value(column).toByteArray();
                if (!bytes.isEmpty())
                    found.append(bytes);
            }
        }
    }
    select.finish();
    return found;
}

// Every sealed or keyed-hash value a record has in the store: its columns, its replaced
// versions.
QList<QByteArray> sealedValuesOf(Store& store, const QUuid& id)
{
    return blobs(store,
                 u"SELECT tube_index, birth_name_index, usual_name_index, patient, contact, "
                 "clinical, physicians, specimen, result, report FROM records WHERE id = ?"_s,
                 idText(id)) +
           blobs(store, u"SELECT result, report, reason FROM record_versions WHERE record_id = ?"_s,
                 idText(id));
}

// Pieces of each value to look for in the files, every 256 bytes and the last: 16 random
// bytes cannot be there by chance. A value longer than a page is cut by SQLite into
// overflow pages, so the odd piece that straddles a cut is not found even when the value
// is there: callers expect all but a few.
QList<QByteArray> windows(const QList<QByteArray>& values)
{
    constexpr qsizetype Size = 16;
    constexpr qsizetype Stride = 256;
    QList<QByteArray> result;
    for (const QByteArray& value : values) {
        if (value.size() < Size)
            continue;
        for (qsizetype at = 0; at + Size <= value.size(); at += Stride)
            result.append(value.mid(at, Size));
        result.append(value.right(Size));
    }
    return result;
}

// All but the few pieces a page boundary may cut.
bool nearlyAll(int found, qsizetype of)
{
    return found * 20 >= of * 19;
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The store's three files as they are on disk.
QByteArray storeFiles(const QString& path)
{
    return fileBytes(path) + fileBytes(path + u"-wal"_s) + fileBytes(path + u"-shm"_s);
}

int foundIn(const QByteArray& haystack, const QList<QByteArray>& needles)
{
    return int(std::count_if(needles.cbegin(), needles.cend(),
                             [&](const QByteArray& needle) { return haystack.contains(needle); }));
}

int total(const QMap<QString, int>& counts)
{
    int sum = 0;
    for (int count : counts)
        sum += count;
    return sum;
}

// A national batch of activation codes valid from a day ago for a week.
QByteArray codeBatch(int count)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto iso = [](const QDateTime& at) { return at.toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"_s); };
    QByteArray csv = "code_pour_qr,code_brut,validite_debut,validite_fin\n";
    for (int i = 0; i < count; ++i) {
        csv += u"%1,%2,%3,%4\n"_s
                   .arg(QUuid::createUuid().toString(QUuid::WithoutBraces),
                        u"R%1"_s.arg(i, 5, 10, QLatin1Char('0')), iso(now.addDays(-1)),
                        iso(now.addDays(7)))
                   .toUtf8();
    }
    return csv;
}

using Run = SidepCtlRun;

Run sidepctl(const QString& db, const QString& user, const QStringList& arguments)
{
    return runSidepCtl(QStringList{u"--db"_s, db, u"--user"_s, user, u"--password-stdin"_s} +
                           arguments,
                       Password.toUtf8() + '\n');
}

} // namespace

class TestRetention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void retentionSettingIsChecked_data();
    void retentionSettingIsChecked();
    void purgesOnlyAfterTheWindow();
    void unacknowledgedRecordsAreNeverPurged();
    void aWaitingCorrectionBlocksThePurge();
    void statisticsKeepTheirTotals();
    void erasedBytesAreGoneFromTheFiles();
    void aReaderDelaysTheJournalUntilTheNextPurge();
    void queueAndLookupsSkipPurgedRecords();
    void auditHoldsCountsOnlyAndVerifies();
    void dryRunChangesNothing();
    void sidepctlSetsTheWindowAndPurges();
    void aThousandRecordsInOnePass();
};

void TestRetention::retentionSettingIsChecked_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("stored"); // 0: refused

    QTest::newRow("one day") << u"1"_s << 1;
    QTest::newRow("default") << u"7"_s << 7;
    QTest::newRow("maximum") << u"90"_s << 90;
    QTest::newRow("spaces") << u" 30 "_s << 30;
    QTest::newRow("zero") << u"0"_s << 0;
    QTest::newRow("above the maximum") << u"91"_s << 0;
    QTest::newRow("a year") << u"365"_s << 0;
    QTest::newRow("negative") << u"-3"_s << 0;
    QTest::newRow("fraction") << u"7.5"_s << 0;
    QTest::newRow("words") << u"seven"_s << 0;
    QTest::newRow("empty") << QString() << 0;
}

void TestRetention::retentionSettingIsChecked()
{
    QFETCH(QString, value);
    QFETCH(int, stored);
    StoreFixture fixture;
    auto admin = fixture.openAs(AdminName);
    QCOMPARE(RecordPurge(*admin).retentionDays(), RecordPurge::DefaultRetentionDays);
    QCOMPARE(RecordPurge::DefaultRetentionDays, 7);

    QString error;
    const bool accepted = admin->setSetting(RecordPurge::RetentionSetting, value, &error);
    QCOMPARE(accepted, stored > 0);
    if (stored > 0) {
        QCOMPARE(admin->setting(RecordPurge::RetentionSetting), QString::number(stored));
        QCOMPARE(RecordPurge(*admin).retentionDays(), stored);
        return;
    }
    QVERIFY2(error.startsWith(u"retention.days: "_s), qPrintable(error));
    QVERIFY2(error.contains(u"from 1 to 90"_s), qPrintable(error));
    QVERIFY(admin->setting(RecordPurge::RetentionSetting).isEmpty());
    QCOMPARE(RecordPurge(*admin).retentionDays(), RecordPurge::DefaultRetentionDays);

    // Only an administrator sets it, even to a good value.
    auto lab = fixture.openAs(LabName);
    QVERIFY(!lab->setSetting(RecordPurge::RetentionSetting, u"30"_s, &error));
    QVERIFY2(error.contains(u"lab"_s), qPrintable(error));
}

void TestRetention::purgesOnlyAfterTheWindow()
{
    StoreFixture fixture;
    const QDateTime t0 = startTime();
    const QList<QUuid> early = sample(fixture, 0, 2);
    auto lab = fixture.openAs(LabName);
    for (const QUuid& id : early)
        QVERIFY(enterResult(*lab, id, u"N"_s));
    FakeSyncServer server;
    sync(*lab, server, t0);
    const QList<QUuid> late = sample(fixture, 2, 2);
    for (const QUuid& id : late)
        QVERIFY(enterResult(*lab, id, u"N"_s));
    sync(*lab, server, t0.addDays(2));
    const QList<QUuid> exact = sample(fixture, 4, 1);
    QVERIFY(enterResult(*lab, exact.first(), u"N"_s));
    sync(*lab, server, t0.addDays(1));
    QCOMPARE(server.stored.size(), 10); // a registration and a result each

    // Eight days after the first acknowledgement: the first two are 8 days old, the next
    // two 6, the last exactly 7 (not more than the window).
    const QDateTime now = t0.addDays(8);
    RecordPurge purge(*lab);
    RecordPurge::Report report;
    QString error;
    QVERIFY2(purge.purgeDue(now, &report, &error), qPrintable(error));
    QCOMPARE(report.retentionDays, 7);
    QCOMPARE(report.acknowledgedBefore, t0.addDays(1));
    QCOMPARE(report.records, 2);
    QVERIFY(report.journalEmptied);
    for (const QUuid& id : early)
        QCOMPARE(status(*lab, id), u"purged"_s);
    for (const QUuid& id : late + exact)
        QCOMPARE(status(*lab, id), u"acknowledged"_s);

    // A second later the one acknowledged exactly 7 days before is due.
    QVERIFY2(purge.purgeDue(now.addSecs(1), &report, &error), qPrintable(error));
    QCOMPARE(report.records, 1);
    QCOMPARE(status(*lab, exact.first()), u"purged"_s);

    // A shorter window set by the administrator applies at once.
    auto admin = fixture.openAs(AdminName);
    QVERIFY(admin->setSetting(RecordPurge::RetentionSetting, u"5"_s, &error));
    QVERIFY2(purge.purgeDue(now, &report, &error), qPrintable(error));
    QCOMPARE(report.retentionDays, 5);
    QCOMPARE(report.records, 2);
    for (const QUuid& id : late)
        QCOMPARE(status(*lab, id), u"purged"_s);
}

void TestRetention::unacknowledgedRecordsAreNeverPurged()
{
    StoreFixture fixture;
    const QDateTime t0 = startTime();
    const QList<QUuid> ids = sample(fixture, 0, 5);
    auto lab = fixture.openAs(LabName);
    // 0 stays sampled (no result); 1 is rejected by the server; 2 is acknowledged;
    // 3 waits because the network is down; 4 gets its result after the sync (not queued).
    for (int i = 1; i <= 3; ++i)
        QVERIFY(enterResult(*lab, ids.at(i), u"N"_s));
    FakeSyncServer server;
    server.rejectIds.insert(idText(ids.at(1)));
    SyncEngine engine(*lab, &server);
    engine.setClock([t0] { return t0; });
    QString error;
    // One batch for 0, 1, 2 and 4's registration; then 3 cannot be sent.
    QSqlQuery& hold = StoreTestAccess::database(*lab).query(
        u"UPDATE outbox SET next_attempt_at = '2999-01-01T00:00:00Z' WHERE record_id = ?"_s);
    hold.bindValue(0, idText(ids.at(3)));
    QVERIFY(StoreTestAccess::database(*lab).exec(hold, &error));
    while (engine.sendNextBatch()) {
    }
    server.mode = FakeSyncServer::Mode::NetworkDown;
    QVERIFY(engine.retryNow(&error));
    QVERIFY(engine.sendNextBatch());
    QVERIFY(enterResult(*lab, ids.at(4), u"I"_s));
    QCOMPARE(status(*lab, ids.at(2)), u"acknowledged"_s);
    QCOMPARE(engine.status().rejected, 2); // 1's registration and result
    QCOMPARE(engine.status().waiting, 3);  // 3's registration and result, 4's result

    // Years later, only the acknowledged one goes.
    RecordPurge::Report report;
    QVERIFY2(RecordPurge(*lab).purgeDue(t0.addDays(3650), &report, &error), qPrintable(error));
    QCOMPARE(report.records, 1);
    QCOMPARE(status(*lab, ids.at(0)), u"sampled"_s);
    QCOMPARE(status(*lab, ids.at(1)), u"resulted"_s);
    QCOMPARE(status(*lab, ids.at(2)), u"purged"_s);
    QCOMPARE(status(*lab, ids.at(3)), u"resulted"_s);
    QCOMPARE(status(*lab, ids.at(4)), u"resulted"_s);
    for (int i : {0, 1, 3, 4}) {
        SamplingRecord record;
        QVERIFY2(lab->records()->load(ids.at(i), &record, &error), qPrintable(error));
        QCOMPARE(record.patient.birthName, identifyingStrings(i).at(0));
    }
}

void TestRetention::aWaitingCorrectionBlocksThePurge()
{
    StoreFixture fixture;
    const QDateTime t0 = startTime();
    const QUuid id = sample(fixture, 0, 1).first();
    auto lab = fixture.openAs(LabName);
    QVERIFY(enterResult(*lab, id, u"N"_s, reportPdf(3000)));
    FakeSyncServer server;
    sync(*lab, server, t0);
    QCOMPARE(status(*lab, id), u"acknowledged"_s);

    // Corrected after the acknowledgement: version 2 waits to be sent.
    ResultStore results(*lab);
    ResultStore::Entry entry;
    entry.value = u"I"_s;
    QList<Problem> problems;
    QString error;
    QVERIFY2(results.correct(id, entry, u"tube swapped at the bench"_s, &problems, &error),
             qPrintable(error));
    RecordPurge purge(*lab);
    RecordPurge::Report report;
    QVERIFY(purge.purgeDue(t0.addDays(30), &report, &error));
    QCOMPARE(report.records, 0);
    QCOMPARE(status(*lab, id), u"resulted"_s);

    // Queued but the server cannot be reached: still not due.
    server.mode = FakeSyncServer::Mode::NetworkDown;
    sync(*lab, server, t0.addDays(20));
    QVERIFY(purge.purgeDue(t0.addDays(30), &report, &error));
    QCOMPARE(report.records, 0);

    // Version 2 acknowledged on day 25: the window starts again from there.
    server.mode = FakeSyncServer::Mode::Normal;
    sync(*lab, server, t0.addDays(25));
    QCOMPARE(status(*lab, id), u"acknowledged"_s);
    QCOMPARE(countRows(*lab, u"SELECT count(*) FROM record_versions WHERE record_id = ?"_s,
                       {idText(id)}),
             1);
    QVERIFY(countRows(*lab, u"SELECT count(*) FROM record_search WHERE record_id = ?"_s,
                      {idText(id)}) > 0);
    QVERIFY(purge.purgeDue(t0.addDays(30), &report, &error));
    QCOMPARE(report.records, 0);
    QVERIFY(purge.purgeDue(t0.addDays(33), &report, &error));
    QCOMPARE(report.records, 1);
    QCOMPARE(status(*lab, id), u"purged"_s);
    QCOMPARE(countRows(*lab, u"SELECT count(*) FROM record_versions WHERE record_id = ?"_s,
                       {idText(id)}),
             0);
    // Its search buckets go with its names.
    QCOMPARE(
        countRows(*lab, u"SELECT count(*) FROM record_search WHERE record_id = ?"_s, {idText(id)}),
        0);
}

void TestRetention::statisticsKeepTheirTotals()
{
    StoreFixture fixture;
    const QDateTime t0 = startTime();
    auto admin = fixture.openAs(AdminName);
    QString error;
    QVERIFY(admin->setSetting(ResultStore::SecondCheckSetting, u"off"_s, &error));
    auto lab = fixture.openAs(LabName);
    ActivationCodes codes(*lab);
    ActivationCodes::ImportReport imported;
    QVERIFY2(codes.importCsv(codeBatch(5), u"batch.csv"_s, {}, &imported, &error),
             qPrintable(error));

    // 3 negatives, 2 positives (with codes), 1 cancelled, all acknowledged; 1 sampled only.
    const QList<QUuid> ids = sample(fixture, 0, 7);
    const QStringList values = {u"N"_s, u"N"_s, u"N"_s, u"P"_s, u"P"_s, u"N"_s};
    for (int i = 0; i < 6; ++i)
        QVERIFY(enterResult(*lab, ids.at(i), values.at(i)));
    ResultStore results(*lab);
    QVERIFY2(results.cancel(ids.at(5), u"wrong patient on the tube"_s, &error), qPrintable(error));
    FakeSyncServer server;
    sync(*lab, server, t0);
    QCOMPARE(codes.status(3, &error).used, 2);
    // A used code names its holder by a keyed token, never by the record's id.
    const QString holder = ActivationCodes::holderToken(*lab->vault(), idText(ids.at(3)));
    QCOMPARE(
        countRows(*lab, u"SELECT count(*) FROM activation_codes WHERE used_by = ?"_s, {holder}), 1);
    QCOMPARE(countRows(*lab, u"SELECT count(*) FROM activation_codes WHERE used_by = ?"_s,
                       {idText(ids.at(3))}),
             0);

    const RecordStore::Statistics before = RecordStore::statistics(*lab, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(before.byStatus.value(u"resulted"_s), 6);
    QVERIFY(before.purgedResults.isEmpty());

    RecordPurge::Report report;
    QVERIFY2(RecordPurge(*lab).purgeDue(t0.addDays(8), &report, &error), qPrintable(error));
    QCOMPARE(report.records, 6);
    const RecordStore::Statistics after = RecordStore::statistics(*lab, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(after.byDay, before.byDay);
    QCOMPARE(total(after.byStatus), total(before.byStatus));
    QCOMPARE(after.damaged, before.damaged);
    QCOMPARE(after.byStatus.value(u"purged"_s), 6);
    QCOMPARE(after.byStatus.value(u"resulted"_s), 0);
    QCOMPARE(after.byStatus.value(u"sampled"_s), 1);

    // The results survive as counts per sampling day, analysis and value.
    const QString day = validRecord(0).specimen.collectedAt.left(10);
    QMap<QString, int> byResult;
    for (const RecordStore::ResultCount& count : after.purgedResults) {
        QCOMPARE(count.day, day);
        byResult.insert(count.analysis + u'/' + count.value, count.records);
    }
    const QMap<QString, int> expected = {{ResultStore::DefaultAnalysis + u"/N"_s, 3},
                                         {ResultStore::DefaultAnalysis + u"/P"_s, 2},
                                         {u"/cancelled"_s, 1}};
    QCOMPARE(byResult, expected);

    // The codes stay used (never given again) but point to no record.
    QCOMPARE(codes.status(3, &error).used, 2);
    QCOMPARE(
        countRows(*lab, u"SELECT count(*) FROM activation_codes WHERE used_by = ?"_s, {holder}), 0);

    // Idempotent: nothing more to erase, nothing counted twice.
    QVERIFY2(RecordPurge(*lab).purgeDue(t0.addDays(9), &report, &error), qPrintable(error));
    QCOMPARE(report.records, 0);
    const RecordStore::Statistics again = RecordStore::statistics(*lab, &error);
    QCOMPARE(again.byStatus, after.byStatus);
    QCOMPARE(again.byDay, after.byDay);
    QCOMPARE(again.purgedResults.size(), after.purgedResults.size());
    for (qsizetype i = 0; i < again.purgedResults.size(); ++i)
        QCOMPARE(again.purgedResults.at(i).records, after.purgedResults.at(i).records);
}

void TestRetention::erasedBytesAreGoneFromTheFiles()
{
    StoreFixture fixture;
    const QDateTime t0 = startTime();
    const QList<QUuid> ids = sample(fixture, 0, 5);
    auto lab = fixture.openAs(LabName);
    // Record 0 with a report larger than a page, corrected (its old report goes to the
    // history) and acknowledged again; 1 and 2 plain; 3 and 4 acknowledged later (kept).
    QVERIFY(enterResult(*lab, ids.at(0), u"N"_s, reportPdf(20000)));
    QVERIFY(enterResult(*lab, ids.at(1), u"N"_s));
    QVERIFY(enterResult(*lab, ids.at(2), u"I"_s));
    FakeSyncServer server;
    sync(*lab, server, t0);
    ResultStore results(*lab);
    ResultStore::Entry entry;
    entry.value = u"N"_s;
    entry.reportPdf = reportPdf(12000);
    QList<Problem> problems;
    QString error;
    QVERIFY2(results.correct(ids.at(0), entry, u"report replaced"_s, &problems, &error),
             qPrintable(error));
    sync(*lab, server, t0.addDays(1));
    QVERIFY(enterResult(*lab, ids.at(3), u"N"_s));
    QVERIFY(enterResult(*lab, ids.at(4), u"N"_s));
    sync(*lab, server, t0.addDays(5));

    // A form in progress left for days by the nurse, and the lab's fresh one.
    auto nurse = fixture.openAs(NurseName);
    const QJsonObject staleForm = validRecordJson(90);
    const QJsonObject freshForm = validRecordJson(91);
    QVERIFY(DraftStore(*nurse).save(staleForm, &error, t0));
    QVERIFY(DraftStore(*lab).save(freshForm, &error, t0.addDays(4)));
    const QList<QByteArray> staleDraft =
        blobs(*lab, u"SELECT content FROM drafts WHERE owner = ?"_s, NurseName);
    const QList<QByteArray> freshDraft =
        blobs(*lab, u"SELECT content FROM drafts WHERE owner = ?"_s, LabName);
    QCOMPARE(staleDraft.size(), 1);

    QList<QByteArray> erased = staleDraft;
    for (int i = 0; i < 3; ++i)
        erased += sealedValuesOf(*lab, ids.at(i));
    QList<QByteArray> kept = freshDraft;
    for (int i = 3; i < 5; ++i)
        kept += sealedValuesOf(*lab, ids.at(i));
    QVERIFY(erased.size() > 3 * 8); // every block, both indexes, reports, versions
    const QList<QByteArray> erasedWindows = windows(erased);
    const QList<QByteArray> keptWindows = windows(kept);
    // Before the purge the search finds what is there, so the check after it can fail.
    const int foundBefore = foundIn(storeFiles(fixture.path()), erasedWindows);
    QVERIFY2(nearlyAll(foundBefore, erasedWindows.size()),
             qPrintable(u"%1 of %2"_s.arg(foundBefore).arg(erasedWindows.size())));

    QCOMPARE(countRows(*lab, u"PRAGMA secure_delete"_s), 1);
    RecordPurge::Report report;
    QVERIFY2(RecordPurge(*lab).purgeDue(t0.addDays(9), &report, &error), qPrintable(error));
    QCOMPARE(report.records, 3);
    QCOMPARE(report.drafts, 1);
    QVERIFY(report.journalEmptied);
    QCOMPARE(QFileInfo(fixture.path() + u"-wal"_s).size(), 0);

    // The rows keep no sealed value and no index.
    for (int i = 0; i < 3; ++i)
        QCOMPARE(sealedValuesOf(*lab, ids.at(i)).size(), 1); // the neutral tube placeholder
    QCOMPARE(countRows(*lab,
                       u"SELECT count(*) FROM records WHERE status = 'purged' AND ("
                       "patient IS NOT NULL OR contact IS NOT NULL OR clinical IS NOT NULL OR "
                       "physicians IS NOT NULL OR specimen IS NOT NULL OR result IS NOT NULL OR "
                       "report IS NOT NULL OR birth_name_index IS NOT NULL OR "
                       "usual_name_index IS NOT NULL OR collected_at IS NOT NULL OR "
                       "length(created_at) <> 10)"_s),
             0);
    QJsonObject form;
    QVERIFY(!DraftStore(*nurse).load(&form));
    QVERIFY(DraftStore(*lab).load(&form));
    QCOMPARE(form, freshForm);

    // Not one piece of the erased ciphertexts is left in the database, its WAL or its
    // shared memory; the kept records' are all there.
    const QByteArray files = storeFiles(fixture.path());
    QCOMPARE(foundIn(files, erasedWindows), 0);
    const int keptFound = foundIn(files, keptWindows);
    QVERIFY2(nearlyAll(keptFound, keptWindows.size()),
             qPrintable(u"%1 of %2"_s.arg(keptFound).arg(keptWindows.size())));
    // Nor anything in clear (the blocks were encrypted anyway).
    for (int i = 0; i < 3; ++i) {
        for (const QString& text : identifyingStrings(i))
            QVERIFY2(!files.contains(text.toUtf8()), qPrintable(text));
    }
    QVERIFY(lab->records()->verify().fileProblems.isEmpty());
}

// Another program (the GUI) in the middle of a read keeps the checkpoint from writing the
// WAL back: the erased pages' old images stay in the WAL until the next purge, which the
// GUI runs after every sync.
void TestRetention::aReaderDelaysTheJournalUntilTheNextPurge()
{
    StoreFixture fixture;
    const QDateTime t0 = startTime();
    const QList<QUuid> ids = sample(fixture, 0, 3);
    auto lab = fixture.openAs(LabName);
    for (const QUuid& id : ids)
        QVERIFY(enterResult(*lab, id, u"N"_s));
    FakeSyncServer server;
    sync(*lab, server, t0);
    QList<QByteArray> erased;
    for (const QUuid& id : ids)
        erased += sealedValuesOf(*lab, id);
    const QList<QByteArray> erasedWindows = windows(erased);

    QString error;
    RecordPurge::Report report;
    {
        QSqlDatabase reader = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"reader"_s);
        reader.setDatabaseName(fixture.path());
        QVERIFY(reader.open());
        QSqlQuery read(reader);
        QVERIFY(read.exec(u"BEGIN"_s));
        QVERIFY(read.exec(u"SELECT count(*) FROM records"_s) && read.next());

        QElapsedTimer timer;
        timer.start();
        QVERIFY2(RecordPurge(*lab).purgeDue(t0.addDays(8), &report, &error), qPrintable(error));
        QCOMPARE(report.records, 3);
        QVERIFY(!report.journalEmptied);
        // The caller (the GUI's thread) is not held for the store's 10 s busy timeout (the
        // bound leaves room for a slow sanitizer run, and still tells the two apart).
        QVERIFY2(timer.elapsed() < 8000, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
        // The rows are erased, and the old page images are still in the WAL.
        QCOMPARE(sealedValuesOf(*lab, ids.first()).size(), 1);
        QVERIFY(QFileInfo(fixture.path() + u"-wal"_s).size() > 0);
        QVERIFY(foundIn(fileBytes(fixture.path() + u"-wal"_s), erasedWindows) > 0);

        read.finish();
        QVERIFY(read.exec(u"COMMIT"_s));
    }
    QSqlDatabase::removeDatabase(u"reader"_s);

    QVERIFY2(RecordPurge(*lab).purgeDue(t0.addDays(8), &report, &error), qPrintable(error));
    QCOMPARE(report.records, 0);
    QVERIFY(report.journalEmptied);
    QCOMPARE(QFileInfo(fixture.path() + u"-wal"_s).size(), 0);
    QCOMPARE(foundIn(storeFiles(fixture.path()), erasedWindows), 0);
}

void TestRetention::queueAndLookupsSkipPurgedRecords()
{
    StoreFixture fixture;
    const QDateTime t0 = startTime();
    const QList<QUuid> ids = sample(fixture, 0, 3);
    auto lab = fixture.openAs(LabName);
    for (const QUuid& id : ids)
        QVERIFY(enterResult(*lab, id, u"N"_s));
    FakeSyncServer server;
    sync(*lab, server, t0);
    const QUuid kept = sample(fixture, 3, 1).first();
    QString error;
    RecordPurge::Report report;
    QVERIFY(RecordPurge(*lab).purgeDue(t0.addDays(8), &report, &error));
    QCOMPARE(report.records, 3);

    auto nurse = fixture.openAs(NurseName);
    RecordStore& records = *nurse->records();
    QCOMPARE(records.count({}, &error), 1);
    const QList<RecordStore::Summary> all = records.page({}, 0, 100, true, &error);
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().id, kept);
    RecordStore::Query purged;
    purged.status = RecordStatus::Purged;
    QCOMPARE(records.count(purged, &error), 3);
    const QString day = validRecord(0).specimen.collectedAt.left(10);
    for (const RecordStore::Summary& summary : records.page(purged, 0, 100, true, &error)) {
        QVERIFY(ids.contains(summary.id));
        QCOMPARE(summary.status, RecordStatus::Purged);
        QVERIFY(summary.accession.isEmpty());
        QVERIFY(summary.patientName.isEmpty());
        QVERIFY(!summary.damaged);
        QCOMPARE(summary.collectedAt, day);
    }

    // Found by nothing, opened by nothing, and said so.
    QUuid found;
    QVERIFY(!records.findByTube(validRecord(0).specimen.accession, &found, &error));
    RecordStore::Query byName;
    byName.patientName = identifyingStrings(1).at(0);
    QCOMPARE(records.count(byName, &error), 0);
    SamplingRecord record;
    QVERIFY(!records.load(ids.first(), &record, &error));
    QVERIFY2(error.contains(u"purged"_s), qPrintable(error));
    QVERIFY(records.isPurged(ids.first()));
    QVERIFY(!records.isPurged(kept));
    ResultStore results(*lab);
    ResultStore::Current current;
    QVERIFY(!results.current(ids.first(), &current, &error));
    QVERIFY2(error.contains(u"purged"_s), qPrintable(error));
    QByteArray pdf;
    QVERIFY(!results.report(ids.first(), &pdf, &error));
    QVERIFY2(error.contains(u"purged"_s), qPrintable(error));

    // A store check is not alarmed by records with nothing left to open.
    const RecordStore::VerifyReport verified = records.verify();
    QCOMPARE(verified.recordsChecked, 1);
    QVERIFY(verified.damaged.isEmpty());
    QCOMPARE(RecordStore::statistics(*nurse, &error).damaged, 0);

    // The label of a purged record may be printed again: nothing holds it any more.
    QList<Problem> problems;
    SamplingRecord again = validRecord(0);
    QVERIFY2(records.add(&again, {}, &problems, &error), qPrintable(error));
}

void TestRetention::auditHoldsCountsOnlyAndVerifies()
{
    StoreFixture fixture;
    const QDateTime t0 = startTime();
    const QList<QUuid> ids = sample(fixture, 0, 4);
    auto lab = fixture.openAs(LabName);
    for (const QUuid& id : ids)
        QVERIFY(enterResult(*lab, id, u"N"_s));
    FakeSyncServer server;
    sync(*lab, server, t0);
    QString error;
    RecordPurge::Report report;
    QVERIFY(RecordPurge(*lab).purgeDue(t0.addDays(8), &report, &error));
    QCOMPARE(report.records, 4);

    auto admin = fixture.openAs(AdminName);
    QList<AuditLog::Entry> entries = admin->auditLog()->entries(1, 100000);
    QList<AuditLog::Entry> purges;
    std::copy_if(entries.cbegin(), entries.cend(), std::back_inserter(purges),
                 [](const AuditLog::Entry& entry) { return entry.action == u"records.purge"_s; });
    QCOMPARE(purges.size(), 1);
    const AuditLog::Entry& purge = purges.first();
    QCOMPARE(purge.actor, LabName);
    QVERIFY(purge.recordId.isEmpty());
    QVERIFY2(purge.detail.startsWith(u"4 records acknowledged before "_s),
             qPrintable(purge.detail));
    QVERIFY2(purge.detail.contains(u"retention 7 days"_s), qPrintable(purge.detail));
    QVERIFY(purge.note.isEmpty());
    for (const AuditLog::Entry& entry : std::as_const(entries)) {
        for (int i = 0; i < 4; ++i) {
            for (const QString& text : identifyingStrings(i)) {
                QVERIFY2(!entry.detail.contains(text, Qt::CaseInsensitive), qPrintable(text));
                QVERIFY(!entry.detail.contains(validRecord(i).specimen.accession));
            }
        }
    }
    QStringList problems = admin->auditLog()->verify();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

    // Again: nothing to erase, no new entry, the chain still whole.
    const int count = int(entries.size());
    QVERIFY(RecordPurge(*lab).purgeDue(t0.addDays(8), &report, &error));
    QCOMPARE(report.records, 0);
    QCOMPARE(report.drafts, 0);
    entries = admin->auditLog()->entries(1, 100000);
    QCOMPARE(int(entries.size()), count);
    problems = admin->auditLog()->verify();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestRetention::dryRunChangesNothing()
{
    StoreFixture fixture;
    const QDateTime t0 = startTime();
    const QList<QUuid> ids = sample(fixture, 0, 3);
    auto lab = fixture.openAs(LabName);
    for (const QUuid& id : ids)
        QVERIFY(enterResult(*lab, id, u"N"_s));
    FakeSyncServer server;
    sync(*lab, server, t0);
    auto admin = fixture.openAs(AdminName);
    const int auditEntries = int(admin->auditLog()->entries(1, 100000).size());

    RecordPurge purge(*admin); // the administrator may run it too
    RecordPurge::Report report;
    QString error;
    QVERIFY(purge.countDue(t0.addDays(6), &report, &error));
    QCOMPARE(report.records, 0);
    QVERIFY(purge.countDue(t0.addDays(8), &report, &error));
    QCOMPARE(report.records, 3);
    for (const QUuid& id : ids)
        QCOMPARE(status(*lab, id), u"acknowledged"_s);
    QCOMPARE(int(admin->auditLog()->entries(1, 100000).size()), auditEntries);
    QVERIFY(purge.purgeDue(t0.addDays(8), &report, &error));
    QCOMPARE(report.records, 3);

    Store signedOut;
    QVERIFY(signedOut.open(fixture.path(), &error));
    QVERIFY(!RecordPurge(signedOut).purgeDue(t0.addDays(8), &report, &error));
    QVERIFY2(error.contains(u"sign in"_s), qPrintable(error));
}

void TestRetention::sidepctlSetsTheWindowAndPurges()
{
    StoreFixture fixture;
    const QString db = fixture.path();
    const QDateTime now = startTime();
    const QList<QUuid> ids = sample(fixture, 0, 3);
    auto lab = fixture.openAs(LabName);
    for (const QUuid& id : ids)
        QVERIFY(enterResult(*lab, id, u"N"_s));
    FakeSyncServer server;
    sync(*lab, server, now.addDays(-12)); // 0, 1, 2 acknowledged 12 days ago
    const QUuid recent = sample(fixture, 3, 1).first();
    QVERIFY(enterResult(*lab, recent, u"N"_s));
    sync(*lab, server, now.addDays(-3));

    for (const QString& bad : {u"91"_s, u"0"_s, u"two"_s}) {
        const Run run = sidepctl(db, AdminName, {u"config"_s, u"set"_s, u"retention.days"_s, bad});
        QCOMPARE(run.code, int(SidepCtl::Invalid));
        QVERIFY2(run.err.contains(u"retention.days: must be a whole number of days from 1 to 90"_s),
                 qPrintable(run.err));
    }
    Run run = sidepctl(db, NurseName, {u"config"_s, u"set"_s, u"retention.days"_s, u"30"_s});
    QCOMPARE(run.code, int(SidepCtl::AccessDenied));
    run = sidepctl(db, AdminName, {u"config"_s, u"show"_s});
    QCOMPARE(run.code, int(SidepCtl::Success));
    QVERIFY2(run.out.contains(u"retention.days: 7 days (default)"_s), qPrintable(run.out));
    run = sidepctl(db, AdminName, {u"config"_s, u"set"_s, u"retention.days"_s, u"10"_s});
    QCOMPARE(run.code, int(SidepCtl::Success));
    QVERIFY2(run.out.contains(u"retention.days set to 10 days"_s), qPrintable(run.out));
    run = sidepctl(db, AdminName, {u"config"_s, u"show"_s});
    QVERIFY2(run.out.contains(u"retention.days: 10 days\n"_s), qPrintable(run.out));

    lab.reset(); // the GUI's connection would be closed or idle too
    run = sidepctl(db, LabName, {u"record"_s, u"purge"_s});
    QCOMPARE(run.code, int(SidepCtl::Success));
    QVERIFY2(run.out.startsWith(u"3 record(s) erased (acknowledged by the national server "
                                "before "_s),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(u"retention 10 days"_s), qPrintable(run.out));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    run = sidepctl(db, AdminName, {u"record"_s, u"purge"_s});
    QCOMPARE(run.code, int(SidepCtl::Success));
    QVERIFY2(run.out.startsWith(u"0 record(s) erased"_s), qPrintable(run.out));

    run = sidepctl(db, NurseName, {u"record"_s, u"list"_s, u"--status"_s, u"purged"_s});
    QCOMPARE(run.code, int(SidepCtl::Success));
    const QStringList rows = run.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), 3);
    for (const QString& row : rows)
        QVERIFY2(row.contains(u"\t(purged)\tpurged\t"_s), qPrintable(row));
    run = sidepctl(db, NurseName, {u"record"_s, u"list"_s});
    QCOMPARE(run.out.split(u'\n', Qt::SkipEmptyParts).size(), 1);
    run = sidepctl(db, NurseName, {u"record"_s, u"show"_s, idText(ids.first())});
    QCOMPARE(run.code, int(SidepCtl::NotFound));
    QVERIFY2(run.err.contains(u"was purged"_s), qPrintable(run.err));
    run = sidepctl(db, NurseName, {u"record"_s, u"show"_s, idText(recent)});
    QCOMPARE(run.code, int(SidepCtl::Success));
    run = sidepctl(db, AdminName, {u"db"_s, u"verify"_s});
    QCOMPARE(run.code, int(SidepCtl::Success));
    run = sidepctl(db, AdminName, {u"audit"_s, u"verify"_s});
    QCOMPARE(run.code, int(SidepCtl::Success));
}

// The first purge on a site that has run for months: one transaction, then the checkpoint.
void TestRetention::aThousandRecordsInOnePass()
{
    constexpr int Count = 1000;
    StoreFixture fixture;
    const QDateTime t0 = startTime();
    const QList<QUuid> ids = sample(fixture, 0, Count);
    auto lab = fixture.openAs(LabName);
    {
        QString error;
        ResultStore results(*lab);
        for (const QUuid& id : ids) {
            ResultStore::Entry entry;
            entry.value = u"N"_s;
            ResultStore::Outcome outcome;
            QList<Problem> problems;
            QVERIFY2(results.enter(id, entry, &outcome, &problems, &error), qPrintable(error));
        }
    }
    FakeSyncServer server;
    sync(*lab, server, t0);
    QCOMPARE(server.stored.size(), 2 * Count); // a registration and a result each

    QElapsedTimer timer;
    timer.start();
    RecordPurge::Report report;
    QString error;
    QVERIFY2(RecordPurge(*lab).purgeDue(t0.addDays(8), &report, &error), qPrintable(error));
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(report.records, Count);
    QVERIFY(report.journalEmptied);
    qInfo("purge of %d records: %lld ms (transaction and checkpoint)", Count, elapsed);
    // Not a speed target (the figure is printed): a bound far above any normal run (~1 s),
    // to catch a purge that waits on a lock or goes quadratic.
    QVERIFY2(elapsed < 60000, qPrintable(u"%1 ms"_s.arg(elapsed)));
    QCOMPARE(countRows(*lab, u"SELECT count(*) FROM records WHERE status = 'purged'"_s), Count);

    // What the GUI pays after every sync when nothing is due: two counts and a checkpoint.
    timer.restart();
    QVERIFY2(RecordPurge(*lab).purgeDue(t0.addDays(8), &report, &error), qPrintable(error));
    const qint64 idle = timer.elapsed();
    QCOMPARE(report.records, 0);
    qInfo("purge with nothing due: %lld ms", idle);
    QVERIFY2(idle < 10000, qPrintable(u"%1 ms"_s.arg(idle))); // same: a hang, not a speed
}

QTEST_GUILESS_MAIN(TestRetention)
#include "TestRetention.moc"
