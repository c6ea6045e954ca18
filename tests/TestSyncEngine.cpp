// The sync engine against a fake network layer: every version of a record (registration at
// sampling, then the result, corrections...) exactly once and in order whatever the network
// does, backoff per error class, rejections kept until the record changes, and a crash
// between sending and the answer.

#include "FakeSyncServer.h"
#include "Outbox.h"
#include "RecordStore.h"
#include "ResultStore.h"
#include "Store.h"
#include "SyncEngine.h"
#include "SyncTransport.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

QString key(const QUuid& id, int version)
{
    return u"urn:uuid:"_s + id.toString(QUuid::WithoutBraces) + u'#' + QString::number(version);
}

// The types of the resources of a Bundle, and a resource of a type.
QStringList resourceTypes(const QJsonObject& bundle)
{
    QStringList types;
    for (const QJsonValue& entry : bundle.value(u"entry"_s).toArray())
        types.append(entry[u"resource"_s][u"resourceType"_s].toString());
    return types;
}

QJsonObject resourceOf(const QJsonObject& bundle, const QString& type)
{
    for (const QJsonValue& entry : bundle.value(u"entry"_s).toArray()) {
        const QJsonObject resource = entry[u"resource"_s].toObject();
        if (resource.value(u"resourceType"_s).toString() == type)
            return resource;
    }
    return {};
}

bool hasLabResult(const QJsonObject& bundle)
{
    for (const QJsonValue& entry : bundle.value(u"entry"_s).toArray()) {
        const QJsonObject resource = entry[u"resource"_s].toObject();
        if (resource[u"category"_s][0][u"coding"_s][0][u"code"_s].toString() == u"laboratory"_s)
            return true;
    }
    return false;
}

// Each record's versions reached the server in increasing order, each once.
void verifyInOrder(const FakeSyncServer& server)
{
    QHash<QString, int> last;
    for (const QString& arrival : server.arrivals) {
        const QString record = arrival.section(u'#', 0, 0);
        const int version = arrival.section(u'#', 1).toInt();
        QVERIFY2(version == last.value(record) + 1, qPrintable(arrival));
        last[record] = version;
    }
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registrationLeavesAtOnceAndTheResultFollows();
    void resultEnteredWhileTheRegistrationWaitsTravelsBehindIt();
    void sendsEachVersionOnceAndAcknowledges();
    void largeReportsMakeSmallerBatches();
    void batchesAreSizedForTheLink_data();
    void batchesAreSizedForTheLink();
    void networkErrorsAndServerErrorsBackOffGeometrically();
    void throttlingWaitsAsLongAsTheServerAsks();
    void rejectionIsKeptUntilTheRecordChanges();
    void cutConnectionThenCrashNeverDuplicates();
    void samplesWaitingForAResultAreListed();
    void cancelledResultKeepsItsTestInLaterVersions();
};

void TestSyncEngine::registrationLeavesAtOnceAndTheResultFollows()
{
    StoreFixture fixture;
    const QList<QUuid> ids = addSampledRecords(fixture, 3);
    auto nurse = fixture.openAs(NurseName);
    FakeSyncServer server;
    {
        SyncEngine engine(*nurse, &server);
        QVERIFY(engine.sendNextBatch());
        QCOMPARE(engine.status().acknowledged, 3);
    }
    // The national server knows the samples before any result: registrations only.
    QCOMPARE(server.received.size(), 3);
    for (const QJsonObject& bundle : std::as_const(server.received)) {
        QVERIFY(!hasLabResult(bundle));
        QVERIFY(!resourceTypes(bundle).contains(u"DiagnosticReport"_s));
        QCOMPARE(resourceOf(bundle, u"ServiceRequest"_s)[u"status"_s].toString(), u"active"_s);
        QVERIFY(resourceTypes(bundle).contains(u"Specimen"_s));
    }
    for (const QUuid& id : ids)
        QVERIFY(server.stored.contains(key(id, 1)));

    // The result is the next version, with its DiagnosticReport, the order completed.
    enterResults(fixture, ids);
    auto lab = fixture.openAs(LabName);
    SyncEngine engine(*lab, &server);
    QVERIFY(engine.sendNextBatch());
    QCOMPARE(server.received.size(), 6);
    for (qsizetype i = 3; i < 6; ++i) {
        const QJsonObject& bundle = server.received.at(i);
        QVERIFY(hasLabResult(bundle));
        const QJsonObject report = resourceOf(bundle, u"DiagnosticReport"_s);
        QCOMPARE(report[u"category"_s][0][u"coding"_s][0][u"code"_s].toString(), u"LAB"_s);
        QCOMPARE(resourceOf(bundle, u"ServiceRequest"_s)[u"status"_s].toString(), u"completed"_s);
    }
    for (const QUuid& id : ids)
        QVERIFY(server.stored.contains(key(id, 2)));
    QCOMPARE(engine.status().acknowledged, 6);
    verifyInOrder(server);
    QVERIFY(lab->auditLog()->verify().isEmpty());
}

void TestSyncEngine::resultEnteredWhileTheRegistrationWaitsTravelsBehindIt()
{
    StoreFixture fixture;
    const QList<QUuid> ids = addSampledRecords(fixture, 1);
    FakeSyncServer server;
    {
        auto nurse = fixture.openAs(NurseName);
        SyncEngine engine(*nurse, &server);
        server.mode = FakeSyncServer::Mode::NetworkDown;
        QVERIFY(engine.sendNextBatch());
        QCOMPARE(engine.status().waiting, 1);
    }
    // The result arrives while the registration still waits: the registration keeps what it
    // said (no result), and both go in one batch, in order.
    enterResults(fixture, ids);
    auto lab = fixture.openAs(LabName);
    SyncEngine engine(*lab, &server);
    server.mode = FakeSyncServer::Mode::Normal;
    QString error;
    QVERIFY(engine.retryNow(&error));
    QVERIFY(engine.sendNextBatch());
    QCOMPARE(server.bundlesPerPost.last(), 2);
    QCOMPARE(server.arrivals, (QList<QString>{key(ids[0], 1), key(ids[0], 2)}));
    const qsizetype first = server.received.size() - 2;
    QVERIFY(!hasLabResult(server.received.at(first)));
    QCOMPARE(resourceOf(server.received.at(first), u"ServiceRequest"_s)[u"status"_s].toString(),
             u"active"_s);
    QVERIFY(hasLabResult(server.received.at(first + 1)));
    QCOMPARE(engine.status().acknowledged, 2);
    QCOMPARE(engine.status().waiting + engine.status().sending, 0);
}

void TestSyncEngine::sendsEachVersionOnceAndAcknowledges()
{
    StoreFixture fixture;
    addResultedRecords(fixture, 120);
    auto lab = fixture.openAs(LabName);
    FakeSyncServer server;
    SyncEngine engine(*lab, &server);
    QSignalSpy acknowledged(&engine, &SyncEngine::recordAcknowledged);
    while (engine.sendNextBatch()) {
    }
    QCOMPARE(server.posts, 5); // 240 versions, batches of 50
    QCOMPARE(server.stored.size(), 240);
    QCOMPARE(server.arrivals.size(), 240);
    QCOMPARE(acknowledged.count(), 240);
    verifyInOrder(server);
    const SyncEngine::Status status = engine.status();
    QCOMPARE(status.acknowledged, 240);
    QCOMPARE(status.waiting + status.sending, 0);
    QVERIFY(!engine.sendNextBatch()); // nothing twice
    QVERIFY(lab->auditLog()->verify().isEmpty());
}

void TestSyncEngine::largeReportsMakeSmallerBatches()
{
    // Seven records with a 2.5 MiB report each (3.3 MiB in base64): two results fit in a batch.
    QByteArray report = "%PDF-1.4\n";
    report.append(QByteArray(5 * 512 * 1024, 'x'));
    report.append("\n%%EOF\n");
    StoreFixture fixture;
    const QList<QUuid> ids = addSampledRecords(fixture, 7);
    FakeSyncServer server;
    {
        auto nurse = fixture.openAs(NurseName);
        SyncEngine engine(*nurse, &server);
        QVERIFY(engine.sendNextBatch()); // the registrations, small
        QCOMPARE(server.bundlesPerPost, (QList<int>{7}));
    }
    enterResults(fixture, ids, u"N"_s, report);
    auto lab = fixture.openAs(LabName);
    SyncEngine engine(*lab, &server);
    while (engine.sendNextBatch()) {
    }
    QCOMPARE(server.stored.size(), 14);
    QCOMPARE(engine.status().acknowledged, 14);
    QCOMPARE(server.bundlesPerPost, (QList<int>{7, 2, 2, 2, 1}));
    for (const qint64 bytes : std::as_const(server.postBytes))
        QVERIFY2(bytes <= SyncEngine::MaxBatchBytes, qPrintable(QString::number(bytes)));
    // The estimate of a record is from above, and close: the last request holds one.
    SamplingRecord withReport = validRecord(0);
    withReport.result.reportPdf = report;
    const qint64 estimate = SyncEngine::batchBytes(withReport);
    const qint64 measured = server.postBytes.last();
    QVERIFY2(measured <= estimate && measured > estimate - 16 * 1024,
             qPrintable(u"%1 measured, %2 estimated"_s.arg(measured).arg(estimate)));
}

void TestSyncEngine::batchesAreSizedForTheLink_data()
{
    QTest::addColumn<double>("linkBytesPerSecond");
    QTest::addColumn<bool>("smaller");
    QTest::newRow("40 Mbit/s") << 5e6 << false;
    // 64 kbit/s: 8 KB/s, 32 KB in 4 s, under the 64 KiB floor: about 7 records of 9 KB.
    QTest::newRow("64 kbit/s") << 8000.0 << true;
    QTest::newRow("a transport that measures nothing") << 0.0 << false;
}

void TestSyncEngine::batchesAreSizedForTheLink()
{
    QFETCH(double, linkBytesPerSecond);
    QFETCH(bool, smaller);
    StoreFixture fixture;
    addResultedRecords(fixture, 60);
    auto lab = fixture.openAs(LabName);
    FakeSyncServer server;
    server.linkBytesPerSecond = linkBytesPerSecond;
    SyncEngine engine(*lab, &server);
    while (engine.sendNextBatch()) {
    }
    QCOMPARE(engine.status().acknowledged, 120);
    QCOMPARE(server.stored.size(), 120);
    verifyInOrder(server);
    // The first batch knows nothing of the link: the cap.
    QCOMPARE(server.bundlesPerPost.first(), SyncEngine::BatchSize);
    const QList<int> later = server.bundlesPerPost.mid(1, server.bundlesPerPost.size() - 2);
    QVERIFY(!later.isEmpty());
    for (const int records : later) {
        if (smaller) {
            // Each as many as go in the 64 KiB floor at the measured bytes per record.
            const double perRecord = engine.batchSizer().bytesPerRecord();
            QVERIFY2(records >= 1 && records <= int(64 * 1024 / perRecord) + 1 && records < 15,
                     qPrintable(u"%1 records of %2 bytes"_s.arg(records).arg(perRecord)));
        } else {
            QCOMPARE(records, SyncEngine::BatchSize);
        }
    }
    if (linkBytesPerSecond > 0) {
        QVERIFY(qAbs(engine.batchSizer().bytesPerSecond() - linkBytesPerSecond) <
                linkBytesPerSecond * 0.05); // whole milliseconds
    } else {
        QVERIFY(!engine.batchSizer().hasMeasure());
    }
}

void TestSyncEngine::networkErrorsAndServerErrorsBackOffGeometrically()
{
    StoreFixture fixture;
    addResultedRecords(fixture, 3);
    auto lab = fixture.openAs(LabName);
    FakeSyncServer server;
    SyncEngine engine(*lab, &server);
    QDateTime now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    engine.setClock([&now] { return now; });
    QString error;

    server.mode = FakeSyncServer::Mode::NetworkDown;
    QVERIFY(engine.sendNextBatch());
    QCOMPARE(engine.status().waiting, 6);
    QCOMPARE(engine.status().nextAttempt, now.addSecs(SyncEngine::FirstDelaySeconds));
    QVERIFY(!engine.sendNextBatch()); // not due yet
    now = now.addSecs(SyncEngine::FirstDelaySeconds);
    server.mode = FakeSyncServer::Mode::ServerError;
    QVERIFY(engine.sendNextBatch());
    QCOMPARE(engine.status().nextAttempt, now.addSecs(2 * SyncEngine::FirstDelaySeconds));
    QVERIFY(engine.status().lastError.contains(u"Internal Server Error"_s));
    // Many failures later the wait stops growing at the cap.
    for (int i = 0; i < 12; ++i) {
        QVERIFY(engine.retryNow(&error));
        QVERIFY(engine.sendNextBatch());
    }
    QCOMPARE(engine.status().nextAttempt, now.addSecs(SyncEngine::MaxDelaySeconds));
    // "Retry now", the network back: everything goes.
    server.mode = FakeSyncServer::Mode::Normal;
    QVERIFY(engine.retryNow(&error));
    QVERIFY(engine.sendNextBatch());
    QCOMPARE(engine.status().acknowledged, 6);
    QCOMPARE(server.stored.size(), 6);
    verifyInOrder(server);
}

void TestSyncEngine::throttlingWaitsAsLongAsTheServerAsks()
{
    StoreFixture fixture;
    addResultedRecords(fixture, 2);
    auto lab = fixture.openAs(LabName);
    FakeSyncServer server;
    SyncEngine engine(*lab, &server);
    const QDateTime now =
        QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    engine.setClock([now] { return now; });
    server.mode = FakeSyncServer::Mode::Throttled;
    QVERIFY(engine.sendNextBatch());
    QCOMPARE(engine.status().nextAttempt, now.addSecs(120)); // Retry-After
}

void TestSyncEngine::rejectionIsKeptUntilTheRecordChanges()
{
    StoreFixture fixture;
    const QList<QUuid> ids = addResultedRecords(fixture, 3);
    auto lab = fixture.openAs(LabName);
    FakeSyncServer server;
    server.rejectIds.insert(ids[1].toString(QUuid::WithoutBraces));
    SyncEngine engine(*lab, &server);
    QSignalSpy rejected(&engine, &SyncEngine::recordRejected);
    QString error;
    QVERIFY(engine.sendNextBatch());
    QCOMPARE(rejected.count(), 2); // its registration and its result
    QVERIFY(rejected.first().at(1).toString().contains(u"nir.key"_s)); // the server's words
    QCOMPARE(engine.status().rejected, 2);
    QCOMPARE(engine.status().acknowledged, 4);
    QVERIFY(engine.retryNow(&error));
    QVERIFY(!engine.sendNextBatch()); // a rejection is not retried as it is

    // The lab corrects the result: a new version, queued and sent.
    server.rejectIds.clear();
    ResultStore results(*lab);
    ResultStore::Entry entry;
    entry.value = u"I"_s;
    QList<Problem> problems;
    QVERIFY2(results.correct(ids[1], entry, u"re-read"_s, &problems, &error), qPrintable(error));
    QVERIFY(engine.sendNextBatch());
    QCOMPARE(engine.status().acknowledged, 5);
    QVERIFY(server.stored.contains(key(ids[1], 3)));
    // The correction says why, in a Provenance.
    const QJsonObject provenance = resourceOf(server.received.last(), u"Provenance"_s);
    QCOMPARE(provenance[u"reason"_s][0][u"text"_s].toString(), u"re-read"_s);
}

void TestSyncEngine::cutConnectionThenCrashNeverDuplicates()
{
    StoreFixture fixture;
    addResultedRecords(fixture, 60);
    FakeSyncServer server;
    {
        auto lab = fixture.openAs(LabName);
        SyncEngine engine(*lab, &server);
        server.mode = FakeSyncServer::Mode::Swallow; // the server stores, the answer never comes
        QVERIFY(engine.sendNextBatch());
        QCOMPARE(engine.status().sending, 50);
        // ... and the workstation crashes here: the engine and its store are gone.
    }
    auto lab = fixture.openAs(LabName);
    server.mode = FakeSyncServer::Mode::Normal;
    SyncEngine engine(*lab, &server);
    while (engine.sendNextBatch()) {
    }
    QCOMPARE(engine.status().acknowledged, 120);
    QCOMPARE(server.stored.size(), 120); // each exactly once
    verifyInOrder(server);
}

void TestSyncEngine::samplesWaitingForAResultAreListed()
{
    StoreFixture fixture;
    const QList<QUuid> ids = addSampledRecords(fixture, 2);
    enterResults(fixture, {ids[1]});
    auto lab = fixture.openAs(LabName);
    FakeSyncServer server;
    SyncEngine engine(*lab, &server);
    const QDateTime sampled = QDateTime::fromString(collectionTime(), Qt::ISODate);
    QString error;
    // Three days after sampling: not yet late.
    engine.setClock([&] { return sampled.addDays(RecordStore::AwaitingResultDays); });
    QVERIFY(engine.awaitingResult(&error).isEmpty());
    // A second later, the sample without a result is pointed out (by its tube label).
    engine.setClock([&] { return sampled.addDays(RecordStore::AwaitingResultDays).addSecs(1); });
    const QList<RecordStore::AwaitingResult> late = engine.awaitingResult(&error);
    QCOMPARE(late.size(), 1);
    QCOMPARE(late.first().id, ids[0]);
    QCOMPARE(late.first().accession, validRecord(0).specimen.accession);
}

// A cancelled antigen result: the record keeps no analysis, but the cancellation and a
// later amendment of the record still order and report the antigen test (the outbox reads
// the cancelled result's analysis from the history), never the default RT-PCR.
void TestSyncEngine::cancelledResultKeepsItsTestInLaterVersions()
{
    StoreFixture fixture;
    const QList<QUuid> ids = addSampledRecords(fixture, 1);
    const QUuid id = ids.first();
    QString error;
    {
        auto lab = fixture.openAs(LabName);
        ResultStore results(*lab);
        ResultStore::Entry entry;
        entry.value = u"N"_s;
        entry.analysis = u"94558-4"_s;
        ResultStore::Outcome outcome;
        QList<Problem> problems;
        QVERIFY2(results.enter(id, entry, &outcome, &problems, &error), qPrintable(error));
        QVERIFY2(results.cancel(id, u"tube of another patient"_s, &error), qPrintable(error));
    }
    auto nurse = fixture.openAs(NurseName);
    SamplingRecord record;
    QVERIFY2(nurse->records()->load(id, &record, &error), qPrintable(error));
    QVERIFY(record.result.analysis.isEmpty());
    record.contact.landlinePhone = u"+33145678902"_s;
    RecordStore::SaveOptions options;
    options.acceptWarnings = true;
    QList<Problem> problems;
    QVERIFY2(nurse->records()->amend(id, &record, u"wrong landline"_s, options, &problems, &error),
             qPrintable(error));

    FakeSyncServer server;
    SyncEngine engine(*nurse, &server);
    while (engine.sendNextBatch()) {
    }
    QCOMPARE(server.received.size(), 4);
    const QStringList orders{u"94500-6"_s, u"94558-4"_s, u"94558-4"_s, u"94558-4"_s};
    const QStringList statuses{QString(), u"final"_s, u"entered-in-error"_s, u"entered-in-error"_s};
    for (qsizetype i = 0; i < server.received.size(); ++i) {
        const QJsonObject& bundle = server.received.at(i);
        QCOMPARE(resourceOf(bundle, u"ServiceRequest"_s)[u"code"_s][u"coding"_s][0][u"code"_s]
                     .toString(),
                 orders.at(i));
        const QJsonObject report = resourceOf(bundle, u"DiagnosticReport"_s);
        QCOMPARE(report[u"status"_s].toString(), statuses.at(i));
        if (!report.isEmpty())
            QCOMPARE(report[u"code"_s][u"coding"_s][0][u"code"_s].toString(), u"94558-4"_s);
    }
    verifyInOrder(server);
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "TestSyncEngine.moc"
