// The sync engine against a fake network layer: exactly once whatever the network does,
// backoff per error class, rejections kept until the record changes, and a crash between
// sending and the answer.

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

// A national server in memory: keeps what it accepted (once per identifier and version) and
// answers as the test says: normally, with a network error, a 500, a 429, or not at all.
class FakeServer : public SyncTransport
{
public:
    enum class Mode
    {
        Normal,
        NetworkDown,
        ServerError,
        Throttled,
        Swallow, // takes the batch and never answers: a connection cut after sending
    };
    Mode mode = Mode::Normal;
    QSet<QString> stored;    // bundle id # version
    QSet<QString> rejectIds; // record ids the server refuses
    int posts = 0;

    void postBundles(const QJsonArray& bundles, std::function<void(const Reply&)> done) override
    {
        ++posts;
        Reply reply;
        switch (mode) {
        case Mode::NetworkDown:
            reply.networkError = true;
            reply.errorText = u"Connection refused"_s;
            done(reply);
            return;
        case Mode::ServerError:
            reply.httpStatus = 500;
            reply.errorText = u"Internal Server Error"_s;
            done(reply);
            return;
        case Mode::Throttled:
            reply.httpStatus = 429;
            reply.retryAfterSeconds = 120;
            done(reply);
            return;
        case Mode::Swallow:
            for (const QJsonValue& bundle : bundles)
                store(bundle.toObject()); // the server got them; the answer is lost
            return;
        case Mode::Normal:
            break;
        }
        QJsonArray results;
        for (const QJsonValue& bundle : bundles)
            results.append(store(bundle.toObject()));
        reply.httpStatus = 200;
        reply.body.insert(u"results"_s, results);
        done(reply);
    }

private:
    QJsonObject store(const QJsonObject& bundle)
    {
        const QString id = bundle.value(u"identifier"_s).toObject().value(u"value"_s).toString();
        const int version =
            bundle.value(u"meta"_s).toObject().value(u"versionId"_s).toString().toInt();
        QJsonObject result{{u"bundleId"_s, id}, {u"version"_s, version}};
        if (rejectIds.contains(id.mid(9))) {
            result.insert(u"outcome"_s, u"rejected"_s);
            result.insert(
                u"operationOutcome"_s,
                QJsonObject{{u"issue"_s, QJsonArray{QJsonObject{
                                             {u"diagnostics"_s, u"patient.ins: nir.key"_s}}}}});
            return result;
        }
        const QString key = id + u'#' + QString::number(version);
        result.insert(u"outcome"_s, stored.contains(key) ? u"already had"_s : u"accepted"_s);
        stored.insert(key);
        return result;
    }
};

// Records sampled by the nurse and given a negative result by the lab.
QList<QUuid> resultedRecords(StoreFixture& fixture, int count)
{
    QList<QUuid> ids;
    auto nurse = fixture.openAs(NurseName);
    QList<SamplingRecord> records;
    for (int i = 0; i < count; ++i)
        records.append(validRecord(i));
    QList<QList<Problem>> problems;
    QString error;
    if (!nurse->records()->add(&records, {}, &problems, &error))
        qFatal("%s", qPrintable(error));
    auto lab = fixture.openAs(LabName);
    ResultStore results(*lab);
    for (const SamplingRecord& record : std::as_const(records)) {
        ResultStore::Entry entry;
        entry.value = u"N"_s;
        ResultStore::Outcome outcome;
        QList<Problem> entryProblems;
        if (!results.enter(record.id, entry, &outcome, &entryProblems, &error))
            qFatal("%s", qPrintable(error));
        ids.append(record.id);
    }
    return ids;
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sendsEachRecordOnceAndAcknowledges();
    void networkErrorsAndServerErrorsBackOffGeometrically();
    void throttlingWaitsAsLongAsTheServerAsks();
    void rejectionIsKeptUntilTheRecordChanges();
    void cutConnectionThenCrashNeverDuplicates();
};

void TestSyncEngine::sendsEachRecordOnceAndAcknowledges()
{
    StoreFixture fixture;
    resultedRecords(fixture, 120);
    auto lab = fixture.openAs(LabName);
    FakeServer server;
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

void TestSyncEngine::networkErrorsAndServerErrorsBackOffGeometrically()
{
    StoreFixture fixture;
    resultedRecords(fixture, 3);
    auto lab = fixture.openAs(LabName);
    FakeServer server;
    SyncEngine engine(*lab, &server);
    QDateTime now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    engine.setClock([&now] { return now; });
    int added = 0;
    QString error;
    QVERIFY(engine.enqueue(&added, &error));

    server.mode = FakeServer::Mode::NetworkDown;
    QVERIFY(engine.sendNextBatch());
    QCOMPARE(engine.status().waiting, 3);
    QCOMPARE(engine.status().nextAttempt, now.addSecs(SyncEngine::FirstDelaySeconds));
    QVERIFY(!engine.sendNextBatch()); // not due yet
    now = now.addSecs(SyncEngine::FirstDelaySeconds);
    server.mode = FakeServer::Mode::ServerError;
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
    server.mode = FakeServer::Mode::Normal;
    QVERIFY(engine.retryNow(&error));
    QVERIFY(engine.sendNextBatch());
    QCOMPARE(engine.status().acknowledged, 3);
    QCOMPARE(server.stored.size(), 3);
}

void TestSyncEngine::throttlingWaitsAsLongAsTheServerAsks()
{
    StoreFixture fixture;
    resultedRecords(fixture, 2);
    auto lab = fixture.openAs(LabName);
    FakeServer server;
    SyncEngine engine(*lab, &server);
    const QDateTime now =
        QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    engine.setClock([now] { return now; });
    int added = 0;
    QString error;
    QVERIFY(engine.enqueue(&added, &error));
    server.mode = FakeServer::Mode::Throttled;
    QVERIFY(engine.sendNextBatch());
    QCOMPARE(engine.status().nextAttempt, now.addSecs(120)); // Retry-After
}

void TestSyncEngine::rejectionIsKeptUntilTheRecordChanges()
{
    StoreFixture fixture;
    const QList<QUuid> ids = resultedRecords(fixture, 3);
    auto lab = fixture.openAs(LabName);
    FakeServer server;
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
    resultedRecords(fixture, 60);
    FakeServer server;
    {
        auto lab = fixture.openAs(LabName);
        SyncEngine engine(*lab, &server);
        int added = 0;
        QString error;
        QVERIFY(engine.enqueue(&added, &error));
        server.mode = FakeServer::Mode::Swallow; // the server stores, the answer never comes
        QVERIFY(engine.sendNextBatch());
        QCOMPARE(engine.status().sending, 50);
        // ... and the workstation crashes here: the engine and its store are gone.
    }
    auto lab = fixture.openAs(LabName);
    server.mode = FakeServer::Mode::Normal;
    SyncEngine engine(*lab, &server);
    while (engine.sendNextBatch()) {
    }
    QCOMPARE(engine.status().acknowledged, 60);
    QCOMPARE(server.stored.size(), 60); // each exactly once
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "TestSyncEngine.moc"
