// The sync engine against a fake network layer: exactly once whatever the network does,
// backoff per error class, rejections kept until the record changes, and a crash between
// sending and the answer.

#include "FakeSyncServer.h"
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

class TestSyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sendsEachRecordOnceAndAcknowledges();
    void largeReportsMakeSmallerBatches();
    void networkErrorsAndServerErrorsBackOffGeometrically();
    void throttlingWaitsAsLongAsTheServerAsks();
    void rejectionIsKeptUntilTheRecordChanges();
    void cutConnectionThenCrashNeverDuplicates();
};

void TestSyncEngine::sendsEachRecordOnceAndAcknowledges()
{
    StoreFixture fixture;
    addResultedRecords(fixture, 120);
    auto lab = fixture.openAs(LabName);
    FakeSyncServer server;
    SyncEngine engine(*lab, &server);
    int added = 0;
    QString error;
    QVERIFY(engine.enqueue(&added, &error));
    QCOMPARE(added, 120);
    QVERIFY(engine.enqueue(&added, &error));
    QCOMPARE(added, 0); // nothing twice in the outbox
    QSignalSpy acknowledged(&engine, &SyncEngine::recordAcknowledged);
    while (engine.sendNextBatch()) {
    }
    QCOMPARE(server.posts, 3); // batches of 50
    QCOMPARE(server.stored.size(), 120);
    QCOMPARE(acknowledged.count(), 120);
    const SyncEngine::Status status = engine.status();
    QCOMPARE(status.acknowledged, 120);
    QCOMPARE(status.waiting + status.sending, 0);
    RecordStore::Query query;
    query.status = RecordStatus::Acknowledged;
    QCOMPARE(lab->records()->count(query, &error), 120);
    QVERIFY(lab->auditLog()->verify().isEmpty());
}

void TestSyncEngine::largeReportsMakeSmallerBatches()
{
    // Seven records with a 2.5 MiB report each (3.3 MiB in base64): two fit in a batch.
    QByteArray report = "%PDF-1.4\n";
    report.append(QByteArray(5 * 512 * 1024, 'x'));
    report.append("\n%%EOF\n");
    StoreFixture fixture;
    addResultedRecords(fixture, 7, report);
    auto lab = fixture.openAs(LabName);
    FakeSyncServer server;
    SyncEngine engine(*lab, &server);
    int added = 0;
    QString error;
    QVERIFY(engine.enqueue(&added, &error));
    QCOMPARE(added, 7);
    while (engine.sendNextBatch()) {
    }
    QCOMPARE(server.stored.size(), 7);
    QCOMPARE(engine.status().acknowledged, 7);
    QCOMPARE(server.bundlesPerPost, (QList<int>{2, 2, 2, 1}));
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

void TestSyncEngine::networkErrorsAndServerErrorsBackOffGeometrically()
{
    StoreFixture fixture;
    addResultedRecords(fixture, 3);
    auto lab = fixture.openAs(LabName);
    FakeSyncServer server;
    SyncEngine engine(*lab, &server);
    QDateTime now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    engine.setClock([&now] { return now; });
    int added = 0;
    QString error;
    QVERIFY(engine.enqueue(&added, &error));

    server.mode = FakeSyncServer::Mode::NetworkDown;
    QVERIFY(engine.sendNextBatch());
    QCOMPARE(engine.status().waiting, 3);
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
    QCOMPARE(engine.status().acknowledged, 3);
    QCOMPARE(server.stored.size(), 3);
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
    int added = 0;
    QString error;
    QVERIFY(engine.enqueue(&added, &error));
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
    int added = 0;
    QString error;
    QVERIFY(engine.enqueue(&added, &error));
    QVERIFY(engine.sendNextBatch());
    QCOMPARE(rejected.count(), 1);
    QVERIFY(rejected.first().at(1).toString().contains(u"nir.key"_s)); // the server's words
    QCOMPARE(engine.status().rejected, 1);
    QCOMPARE(engine.status().acknowledged, 2);
    QVERIFY(engine.retryNow(&error));
    QVERIFY(!engine.sendNextBatch()); // a rejection is not retried as it is

    // The lab corrects the result: a new version, queued and sent again.
    server.rejectIds.clear();
    ResultStore results(*lab);
    ResultStore::Entry entry;
    entry.value = u"I"_s;
    QList<Problem> problems;
    QVERIFY2(results.correct(ids[1], entry, u"re-read"_s, &problems, &error), qPrintable(error));
    QVERIFY(engine.enqueue(&added, &error));
    QCOMPARE(added, 1);
    QVERIFY(engine.sendNextBatch());
    QCOMPARE(engine.status().acknowledged, 3);
}

void TestSyncEngine::cutConnectionThenCrashNeverDuplicates()
{
    StoreFixture fixture;
    addResultedRecords(fixture, 60);
    FakeSyncServer server;
    {
        auto lab = fixture.openAs(LabName);
        SyncEngine engine(*lab, &server);
        int added = 0;
        QString error;
        QVERIFY(engine.enqueue(&added, &error));
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
    QCOMPARE(engine.status().acknowledged, 60);
    QCOMPARE(server.stored.size(), 60); // each exactly once
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "TestSyncEngine.moc"
