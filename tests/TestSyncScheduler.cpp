// When the sync sends, over an in-memory server: a round sends everything due and stops at
// the first network failure, the probe notices the server's return and sends without
// waiting for the backoff, the platform's "network is back" does the same, the next round
// is planned at the engine's next retry when that is sooner than the interval, and the
// after-round tasks run and report.

#include "FakeSyncServer.h"
#include "Store.h"
#include "SyncEngine.h"
#include "SyncScheduler.h"
#include "TestSupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace TestSupport;

class TestSyncScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aRoundSendsEveryBatchDue();
    void aRoundStopsAtTheFirstNetworkFailure();
    void theProbeSendsAsSoonAsTheServerAnswersAgain();
    void thePlatformsNetworkSignalSendsAtOnce();
    void theNextRoundIsAtTheEnginesRetryWhenSooner();
    void afterRoundTasksRunAndReportTheirProblem();
    void aRoundAskedDuringARoundFollowsIt();
};

void TestSyncScheduler::aRoundSendsEveryBatchDue()
{
    StoreFixture fixture;
    addResultedRecords(fixture, 2 * SyncEngine::BatchSize + 7);
    auto lab = fixture.openAs(LabName);
    FakeSyncServer server;
    SyncEngine engine(*lab, &server);
    SyncScheduler scheduler(engine, server);
    QSignalSpy finished(&scheduler, &SyncScheduler::roundFinished);
    scheduler.start();
    QCOMPARE(finished.size(), 1);
    // Each record is two versions to send: its registration and its result.
    const int versions = 2 * (2 * SyncEngine::BatchSize + 7);
    QCOMPARE(server.stored.size(), versions);
    QCOMPARE(server.posts, (versions + SyncEngine::BatchSize - 1) / SyncEngine::BatchSize);
    QVERIFY(!scheduler.isOffline());
    QVERIFY(!scheduler.isInRound());
    // Nothing waits: the next round is the regular one.
    QVERIFY(scheduler.msUntilNextRound() > SyncScheduler::DefaultIntervalMs - 1000);
}

void TestSyncScheduler::aRoundStopsAtTheFirstNetworkFailure()
{
    StoreFixture fixture;
    addResultedRecords(fixture, 2 * SyncEngine::BatchSize + 7);
    auto lab = fixture.openAs(LabName);
    FakeSyncServer server;
    server.mode = FakeSyncServer::Mode::NetworkDown;
    SyncEngine engine(*lab, &server);
    SyncScheduler scheduler(engine, server);
    QSignalSpy offline(&scheduler, &SyncScheduler::offlineChanged);
    scheduler.syncNow();
    QCOMPARE(server.posts, 1);
    QVERIFY(scheduler.isOffline());
    QCOMPARE(offline.size(), 1);
    QVERIFY2(scheduler.lastProblem().contains(u"Connection refused"_s),
             qPrintable(scheduler.lastProblem()));
    QCOMPARE(engine.status().recordsWaiting, 2 * SyncEngine::BatchSize + 7);
    QCOMPARE(engine.status().waiting, 2 * (2 * SyncEngine::BatchSize + 7));
}

void TestSyncScheduler::theProbeSendsAsSoonAsTheServerAnswersAgain()
{
    StoreFixture fixture;
    addResultedRecords(fixture, 5);
    auto lab = fixture.openAs(LabName);
    FakeSyncServer server;
    server.mode = FakeSyncServer::Mode::NetworkDown;
    SyncEngine engine(*lab, &server);
    SyncScheduler scheduler(engine, server);
    scheduler.setProbeInterval(50);
    scheduler.start();
    QVERIFY(scheduler.isOffline());
    // The backoff says 30 s; the probe must not wait for it.
    QVERIFY(engine.status().nextAttempt > QDateTime::currentDateTimeUtc().addSecs(20));
    QTest::qWait(200);
    QCOMPARE(server.stored.size(), 0);
    QCOMPARE(server.posts, 1); // probing does not resend the records
    server.mode = FakeSyncServer::Mode::Normal;
    QTRY_COMPARE_WITH_TIMEOUT(server.stored.size(), 2 * 5, 10000); // registrations, results
    QVERIFY(!scheduler.isOffline());
    QCOMPARE(engine.status().waiting, 0);
}

void TestSyncScheduler::thePlatformsNetworkSignalSendsAtOnce()
{
    StoreFixture fixture;
    addResultedRecords(fixture, 5);
    auto lab = fixture.openAs(LabName);
    FakeSyncServer server;
    server.mode = FakeSyncServer::Mode::NetworkDown;
    SyncEngine engine(*lab, &server);
    SyncScheduler scheduler(engine, server);
    scheduler.setProbeInterval(60 * 60 * 1000);
    scheduler.start();
    QVERIFY(scheduler.isOffline());
    server.mode = FakeSyncServer::Mode::Normal;
    scheduler.networkCameBack();
    QCOMPARE(server.stored.size(), 2 * 5); // registrations and results
    QVERIFY(!scheduler.isOffline());
}

void TestSyncScheduler::theNextRoundIsAtTheEnginesRetryWhenSooner()
{
    StoreFixture fixture;
    addResultedRecords(fixture, 3);
    auto lab = fixture.openAs(LabName);
    FakeSyncServer server;
    server.mode = FakeSyncServer::Mode::Throttled; // Retry-After: 120 s
    SyncEngine engine(*lab, &server);
    SyncScheduler scheduler(engine, server);
    scheduler.setInterval(60 * 60 * 1000);
    scheduler.start();
    QVERIFY(!scheduler.isOffline()); // throttled is not offline: the server answered
    const int wait = scheduler.msUntilNextRound();
    // Retry-After (120 s), not the interval (1 h); the lower bound leaves room for a slow run.
    QVERIFY2(wait > 90 * 1000 && wait <= 121 * 1000 * 105 / 100, qPrintable(QString::number(wait)));

    // With a shorter interval, the interval wins.
    scheduler.setInterval(10 * 1000);
    scheduler.syncNow();
    // (A coarse timer may add up to 5 %.)
    QVERIFY2(scheduler.msUntilNextRound() <= 10 * 1000 * 105 / 100,
             qPrintable(QString::number(scheduler.msUntilNextRound())));
}

void TestSyncScheduler::afterRoundTasksRunAndReportTheirProblem()
{
    StoreFixture fixture;
    addResultedRecords(fixture, 2);
    auto lab = fixture.openAs(LabName);
    FakeSyncServer server;
    SyncEngine engine(*lab, &server);
    SyncScheduler scheduler(engine, server);
    int ran = 0;
    int storedWhenRun = -1;
    scheduler.addAfterRound([&] {
        ++ran;
        storedWhenRun = int(server.stored.size());
        return u"no activation code could be fetched"_s;
    });
    scheduler.syncNow();
    QCOMPARE(ran, 1);
    QCOMPARE(storedWhenRun, 2 * 2); // after the sending of registrations and results
    QCOMPARE(scheduler.lastProblem(), u"no activation code could be fetched"_s);
}

// A transport whose answers wait for the event loop, like the real one.
class DeferredServer : public FakeSyncServer
{
public:
    void postBundles(const QJsonArray& bundles, std::function<void(const Reply&)> done) override
    {
        QTimer::singleShot(10,
                           [this, bundles, done] { FakeSyncServer::postBundles(bundles, done); });
    }
};

void TestSyncScheduler::aRoundAskedDuringARoundFollowsIt()
{
    StoreFixture fixture;
    addResultedRecords(fixture, 3);
    auto lab = fixture.openAs(LabName);
    DeferredServer server;
    SyncEngine engine(*lab, &server);
    SyncScheduler scheduler(engine, server);
    QSignalSpy finished(&scheduler, &SyncScheduler::roundFinished);
    scheduler.syncNow();
    QVERIFY(scheduler.isInRound());
    scheduler.syncNow(); // "Send now" pressed while sending
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(server.posts, 1);             // the second round had nothing left to send
    QCOMPARE(server.stored.size(), 2 * 3); // registrations and results
}

QTEST_GUILESS_MAIN(TestSyncScheduler)
#include "TestSyncScheduler.moc"
