// The store in hands that can write the file but know no password: the states that decide
// what is sent, counted and purged are kept in clear (queries filter on them), so each is
// authenticated under the data key. An edited state is damage, reported by `db verify` and
// the sync status, and never acted on.
#include "FakeSyncServer.h"
#include "Outbox.h"
#include "RecordPurge.h"
#include "RecordStore.h"
#include "SidepCtlRun.h"
#include "Store.h"
#include "StoreTestAccess.h"
#include "SyncEngine.h"
#include "TestSupport.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

QString idText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

// Whole seconds: the outbox keeps its times to the second.
QDateTime startTime()
{
    return QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
}

void sync(Store& store, FakeSyncServer& server, const QDateTime& at)
{
    SyncEngine engine(store, &server);
    engine.setClock([at] { return at; });
    QString error;
    QVERIFY2(engine.retryNow(&error), qPrintable(error));
    while (engine.sendNextBatch()) {
    }
}

// Records validRecord(first) ... sampled by the nurse and given a negative by the lab.
QList<QUuid> addResulted(StoreFixture& fixture, int first, int count)
{
    QList<QUuid> ids;
    {
        auto nurse = fixture.openAs(NurseName);
        QList<SamplingRecord> records;
        for (int i = first; i < first + count; ++i)
            records.append(validRecord(i));
        QList<QList<Problem>> problems;
        QString error;
        if (!nurse->records()->add(&records, {}, &problems, &error))
            qFatal("%s", qPrintable(error));
        for (const SamplingRecord& record : std::as_const(records))
            ids.append(record.id);
    }
    enterResults(fixture, ids, u"N"_s);
    return ids;
}

SidepCtlRun sidepctl(const QString& db, const QStringList& arguments)
{
    return runSidepCtl(QStringList{u"--db"_s, db, u"--user"_s, LabName, u"--password-stdin"_s} +
                           arguments,
                       Password.toUtf8() + '\n');
}

QString recordStatus(Store& store, const QUuid& id)
{
    QSqlQuery& select =
        StoreTestAccess::database(store).query(u"SELECT status FROM records WHERE id = ?"_s);
    select.bindValue(0, idText(id));
    const QString value = select.exec() && select.next() ? select.value(0).toString() : QString();
    select.finish();
    return value;
}

} // namespace

class TestStoreTampering : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editedAcknowledgementSuppressesNothing();
    void sealsBindTheirVersion();
    void versionsQueuedBeforeSealsAreSealedOnce();
    void sealsTakenAwayFromANewStoreAreDamage();
    void noteTakenAwayWithItsAuditEntryIsDamage();
};

void TestStoreTampering::editedAcknowledgementSuppressesNothing()
{
    StoreFixture fixture;
    const QDateTime t0 = startTime();
    // A control the server genuinely has, and a result still to send.
    const QList<QUuid> sent = addResulted(fixture, 0, 1);
    {
        auto lab = fixture.openAs(LabName);
        FakeSyncServer server;
        sync(*lab, server, t0);
        QCOMPARE(server.stored.size(), 2);
    }
    const QList<QUuid> positive = addResulted(fixture, 1, 1);

    // The attacker marks its versions acknowledged, long ago, so that sync sends nothing.
    editFile(fixture.path(), u"UPDATE outbox SET state = 'acknowledged', acknowledged_at = '%1' "
                             "WHERE record_id = '%2'"_s.arg(t0.addDays(-30).toString(Qt::ISODate),
                                                            idText(positive.first())));

    auto lab = fixture.openAs(LabName);
    Outbox outbox(*lab);
    QString error;
    const Outbox::Status status = outbox.status();
    QCOMPARE(status.recordsAcknowledged, 1); // the control only
    QCOMPARE(status.acknowledged, 2);
    QCOMPARE(status.recordsDamaged, 1);
    QCOMPARE(status.damaged, 2);
    QCOMPARE(status.waiting + status.sending, 0);
    QCOMPARE(outbox.latestState(positive.first()), u"damaged"_s);
    QCOMPARE(outbox.latestState(sent.first()), u"acknowledged"_s);

    const RecordStore::VerifyReport report = lab->records()->verify();
    QVERIFY(!report.damagedSendStates.isEmpty());
    for (const auto& [id, version] : report.damagedSendStates)
        QCOMPARE(id, positive.first());

    // The purge acts on no edited acknowledgement; the genuine one goes after the window.
    RecordPurge purge(*lab);
    RecordPurge::Report purged;
    QVERIFY2(purge.purgeDue(t0.addDays(60), &purged, &error), qPrintable(error));
    QCOMPARE(purged.records, 1);
    QCOMPARE(recordStatus(*lab, sent.first()), u"purged"_s);
    QCOMPARE(recordStatus(*lab, positive.first()), u"resulted"_s);

    // The command line says so, and fails.
    const SidepCtlRun verify = sidepctl(fixture.path(), {u"db"_s, u"verify"_s});
    QCOMPARE(verify.code, 3);
    QVERIFY2(verify.out.contains(u"send state was edited"_s), qPrintable(verify.all()));
    QVERIFY(verify.out.contains(idText(positive.first())));
    const SidepCtlRun syncStatus = sidepctl(fixture.path(), {u"sync"_s, u"status"_s});
    QCOMPARE(syncStatus.code, 3);
    QVERIFY2(syncStatus.out.contains(u"damaged"_s), qPrintable(syncStatus.all()));

    // Put back as it was (the attacker cannot write a seal), it is sent as usual.
    editFile(fixture.path(), u"UPDATE outbox SET state = 'waiting', acknowledged_at = NULL "
                             "WHERE record_id = '%1'"_s.arg(idText(positive.first())));
    FakeSyncServer server;
    sync(*lab, server, t0.addDays(61));
    QCOMPARE(server.stored.size(), 2);
    QCOMPARE(outbox.status().damaged, 0);
    QCOMPARE(outbox.latestState(positive.first()), u"acknowledged"_s);
}

void TestStoreTampering::sealsBindTheirVersion()
{
    StoreFixture fixture;
    const QList<QUuid> ids = addResulted(fixture, 0, 2);
    {
        auto lab = fixture.openAs(LabName);
        FakeSyncServer server;
        sync(*lab, server, startTime());
    }
    const QList<QUuid> waiting = addResulted(fixture, 2, 1);

    // An acknowledged version's state, time and seal copied onto another record's waiting
    // version: the seal names its record and version, so it does not fit.
    editFile(fixture.path(),
             u"UPDATE outbox SET (state, acknowledged_at, state_mac) = (SELECT state, "
             "acknowledged_at, state_mac FROM outbox WHERE record_id = '%1' AND version = 1) "
             "WHERE record_id = '%2'"_s.arg(idText(ids.first()), idText(waiting.first())));
    auto nurse = fixture.openAs(NurseName);
    Outbox outbox(*nurse);
    QString error;
    const QList<Outbox::Entry> damaged = outbox.damagedVersions(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(damaged.size(), 2); // its registration and its result
    for (const Outbox::Entry& entry : damaged)
        QCOMPARE(entry.recordId, idText(waiting.first()));
    // Nothing edited elsewhere is blamed.
    QCOMPARE(outbox.latestState(ids.last()), u"acknowledged"_s);

    // A changed acknowledgement time is an edit too (the purge reads it).
    editFile(fixture.path(), u"UPDATE outbox SET acknowledged_at = '2020-01-01T00:00:00Z' "
                             "WHERE record_id = '%1'"_s.arg(idText(ids.last())));
    QCOMPARE(outbox.damagedVersions(&error).size(), 4);
}

void TestStoreTampering::versionsQueuedBeforeSealsAreSealedOnce()
{
    // A store from before the seals: created without the note, no state has a seal.
    Outbox::createStoresAsBeforeSealsForTest(true);
    StoreFixture fixture;
    Outbox::createStoresAsBeforeSealsForTest(false);
    const QList<QUuid> ids = addResultedRecords(fixture, 2);
    editFile(fixture.path(), u"UPDATE outbox SET state_mac = NULL"_s);

    auto lab = fixture.openAs(LabName);
    Outbox outbox(*lab);
    QString error;
    QVERIFY(outbox.damagedVersions(&error).isEmpty()); // sealed as they stood, once
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(outbox.status().waiting, 4);
    QSqlQuery& audited = StoreTestAccess::database(*lab).query(
        u"SELECT count(*) FROM audit WHERE action = 'outbox.sealed'"_s);
    QVERIFY(audited.exec() && audited.next());
    QCOMPARE(audited.value(0).toInt(), 1);
    audited.finish();
    lab.reset();

    // Afterwards a seal taken away is damage, not history: the version is not sent.
    editFile(fixture.path(), u"UPDATE outbox SET state_mac = NULL WHERE record_id = '%1'"_s.arg(
                                 idText(ids.first())));
    lab = fixture.openAs(LabName);
    Outbox again(*lab);
    QCOMPARE(again.damagedVersions(&error).size(), 2);
    FakeSyncServer server;
    sync(*lab, server, startTime());
    QCOMPARE(server.stored.size(), 2); // the other record's two versions only
}

void TestStoreTampering::sealsTakenAwayFromANewStoreAreDamage()
{
    // A store created with seals never had a version without one: taking every seal away
    // does not make it look like a store from before them.
    StoreFixture fixture;
    addResultedRecords(fixture, 2);
    editFile(fixture.path(), u"UPDATE outbox SET state = 'acknowledged', "
                             "acknowledged_at = '2020-01-01T00:00:00Z', state_mac = NULL"_s);
    auto lab = fixture.openAs(LabName);
    Outbox outbox(*lab);
    QString error;
    QCOMPARE(outbox.damagedVersions(&error).size(), 4);
    QCOMPARE(outbox.status().acknowledged, 0);
    FakeSyncServer server;
    sync(*lab, server, startTime());
    QCOMPARE(server.stored.size(), 0);
}

void TestStoreTampering::noteTakenAwayWithItsAuditEntryIsDamage()
{
    // A store from before the seals whose states were edited, and the entry that would
    // tell the seals were taken away deleted: the chain is broken, so nothing is sealed.
    Outbox::createStoresAsBeforeSealsForTest(true);
    StoreFixture fixture;
    Outbox::createStoresAsBeforeSealsForTest(false);
    addResultedRecords(fixture, 2);
    editFile(fixture.path(), u"UPDATE outbox SET state = 'acknowledged', "
                             "acknowledged_at = '2020-01-01T00:00:00Z', state_mac = NULL"_s);
    editFile(fixture.path(), u"DELETE FROM audit WHERE seq = 2"_s);
    auto lab = fixture.openAs(LabName);
    Outbox outbox(*lab);
    QString error;
    QCOMPARE(outbox.damagedVersions(&error).size(), 4);
    QSqlQuery& audited = StoreTestAccess::database(*lab).query(
        u"SELECT count(*) FROM audit WHERE action = 'outbox.sealed'"_s);
    QVERIFY(audited.exec() && audited.next());
    QCOMPARE(audited.value(0).toInt(), 0);
    audited.finish();
    FakeSyncServer server;
    sync(*lab, server, startTime());
    QCOMPARE(server.stored.size(), 0);
}

QTEST_GUILESS_MAIN(TestStoreTampering)
#include "TestStoreTampering.moc"
