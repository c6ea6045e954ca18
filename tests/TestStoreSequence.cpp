// An older copy of the whole store put back (rows, outbox and audit chain together,
// consistent with themselves): nothing on the workstation can see it, the national server
// does. Each sync round opens with the store's id and its audit log's last sequence
// (StoreIdentity, POST /store-sequence); the real sidep-server remembers the highest it saw
// from each store of the site and refuses a lower one, the workstation sends nothing and
// says so, until an administrator marks a backup restored on purpose (`db restored`).
#include "AuditLog.h"
#include "RecordStore.h"
#include "ServerProbes.h"
#include "ServerProcess.h"
#include "SidepCtl.h"
#include "SidepCtlRun.h"
#include "Store.h"
#include "StoreIdentity.h"
#include "TestSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

SidepCtlRun sidepctl(const QString& store, const QString& user, const QStringList& command)
{
    return runSidepCtl(QStringList{u"--db"_s, store, u"--user"_s, user, u"--password-stdin"_s} +
                           command,
                       (Password + u"\n"_s).toUtf8());
}

// The file put back as it was: the store and its WAL files replaced by the copy.
bool putBack(const QString& copy, const QString& store)
{
    for (const QString& suffix : {u""_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(store + suffix);
    return QFile::copy(copy, store);
}

// One more record sampled, with its own tube label (validRecord(index)).
QUuid addRecord(StoreFixture& fixture, int index)
{
    auto nurse = fixture.openAs(NurseName);
    QList<SamplingRecord> records{validRecord(index)};
    QList<QList<Problem>> problems;
    QString error;
    if (!nurse->records()->add(&records, {}, &problems, &error))
        qFatal("%s", qPrintable(error));
    return records.first().id;
}

int conflictsLogged(const QString& log)
{
    return int(log.count(u"store conflict"_s));
}

} // namespace

class TestStoreSequence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup() { m_server.stop(); }
    void olderCopyIsRefusedUntilRestoredOnPurpose();
    void oneRoundAtATimeAcrossPrograms();
    void identityCannotBeEditedOrTakenAway();
    void storeFromBeforeIdentitiesGetsOneOnlyWhenIntact();
    void serverKeepsTheHighestPerSiteAndStore();

private:
    ServerProcess m_server;
};

void TestStoreSequence::initTestCase()
{
    QVERIFY(m_server.makePki({u"--site"_s, u"750712184"_s, u"--site"_s, u"751012345"_s}));
}

void TestStoreSequence::olderCopyIsRefusedUntilRestoredOnPurpose()
{
    m_server.setCaptureLog(true);
    QVERIFY(m_server.start());
    StoreFixture fixture;
    QString error;
    {
        auto admin = fixture.openAs(AdminName);
        QVERIFY2(m_server.configureWorkstation(*admin, &error), qPrintable(error));
    }
    addSampledRecords(fixture, 2);
    SidepCtlRun run = sidepctl(fixture.path(), LabName, {u"sync"_s});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.all()));

    // A copy taken with one record still waiting, then the store goes on: that record goes,
    // results are entered and sent.
    const QList<QUuid> late{addRecord(fixture, 7)};
    const QString copy = fixture.folder() + u"/copy.db"_s;
    run = sidepctl(fixture.path(), AdminName, {u"db"_s, u"backup"_s, copy});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.all()));
    enterResults(fixture, late);
    run = sidepctl(fixture.path(), LabName, {u"sync"_s});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.all()));
    QCOMPARE(conflictsLogged(m_server.log()), 0);

    // The copy put back: consistent with itself, so the workstation's own checks pass...
    QVERIFY(putBack(copy, fixture.path()));
    run = sidepctl(fixture.path(), AdminName, {u"db"_s, u"verify"_s});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.all()));
    // ...but the national server has seen this store further on: the round sends nothing.
    run = sidepctl(fixture.path(), LabName, {u"sync"_s});
    QVERIFY2(run.code == SidepCtl::IntegrityProblem, qPrintable(run.all()));
    QVERIFY2(run.all().contains(u"went back in time"_s), qPrintable(run.all()));
    QVERIFY2(run.all().contains(u"sidepctl db restored"_s), qPrintable(run.all()));
    QVERIFY2(run.all().contains(u"waiting: 1 record(s)"_s), qPrintable(run.all()));
    QCOMPARE(conflictsLogged(m_server.log()), 1);
    // Every round again, as long as nobody acts.
    run = sidepctl(fixture.path(), LabName, {u"sync"_s});
    QCOMPARE(run.code, int(SidepCtl::IntegrityProblem));
    QCOMPARE(conflictsLogged(m_server.log()), 2);

    // Only an administrator marks it restored on purpose.
    run = sidepctl(fixture.path(), LabName, {u"db"_s, u"restored"_s});
    QCOMPARE(run.code, int(SidepCtl::AccessDenied));
    run = sidepctl(fixture.path(), AdminName, {u"db"_s, u"restored"_s});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.all()));
    // A new store for the server: what waited goes (the server recognises it).
    run = sidepctl(fixture.path(), LabName, {u"sync"_s});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.all()));
    QVERIFY2(run.all().contains(u"waiting: 0"_s), qPrintable(run.all()));
    QCOMPARE(conflictsLogged(m_server.log()), 2);
    // The audit log says who did it and why.
    auto admin = fixture.openAs(AdminName);
    bool noted = false;
    for (const AuditLog::Entry& entry : admin->auditLog()->entries()) {
        noted = noted || (entry.action == StoreIdentity::Action && entry.actor == AdminName &&
                          entry.detail.endsWith(u"after a backup was restored"_s));
    }
    QVERIFY(noted);
}

void TestStoreSequence::oneRoundAtATimeAcrossPrograms()
{
    QVERIFY(m_server.start());
    StoreFixture fixture;
    QString error;
    {
        auto admin = fixture.openAs(AdminName);
        QVERIFY2(m_server.configureWorkstation(*admin, &error), qPrintable(error));
    }
    addSampledRecords(fixture, 1);
    const QString lockPath = fixture.path() + u".sync-lock"_s;
    // Another program (the GUI) is between reading its sequence and the server's answer.
    QProcess holder;
    // --close: the lock stays with flock itself, not with the command it runs.
    holder.start(u"flock"_s, {u"--nonblock"_s, u"--close"_s, lockPath, u"sh"_s, u"-c"_s,
                              u"echo held; exec sleep 20"_s});
    QVERIFY(holder.waitForReadyRead(10000));
    QCOMPARE(holder.readAllStandardOutput().trimmed(), QByteArray("held"));
    SidepCtlRun run = sidepctl(fixture.path(), LabName, {u"sync"_s});
    QCOMPARE(run.code, int(SidepCtl::SyncIncomplete));
    QVERIFY2(run.all().contains(u"another program is sending this store's records"_s),
             qPrintable(run.all()));
    QVERIFY2(run.all().contains(u"waiting: 1 record(s)"_s), qPrintable(run.all()));
    // Killed while it holds it: the system releases the lock with the process.
    holder.kill();
    QVERIFY(holder.waitForFinished(10000));
    run = sidepctl(fixture.path(), LabName, {u"sync"_s});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.all()));
    QVERIFY2(run.all().contains(u"acknowledged: 1 record(s)"_s), qPrintable(run.all()));

    // What a program killed as it created the lock file may leave: an empty file. It holds
    // nothing: the next round goes.
    QVERIFY(QFile::remove(lockPath));
    {
        QFile leftover(lockPath);
        QVERIFY(leftover.open(QIODevice::WriteOnly));
    }
    run = sidepctl(fixture.path(), LabName, {u"sync"_s});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.all()));
    QVERIFY2(!run.all().contains(u"another program"_s), qPrintable(run.all()));
}

void TestStoreSequence::identityCannotBeEditedOrTakenAway()
{
    StoreFixture fixture;
    StoreIdentity::Checkpoint first;
    QString error;
    {
        auto lab = fixture.openAs(LabName);
        QVERIFY2(StoreIdentity::current(*lab, &first, &error), qPrintable(error));
        QVERIFY(!QUuid::fromString(first.storeId).isNull());
        const QList<AuditLog::Entry> entries = lab->auditLog()->entries();
        QCOMPARE(first.sequence, entries.last().seq);
        // The sequence follows the log; the id stays.
        QVERIFY(lab->audit(u"test.entry"_s, {}, {}, &error));
        StoreIdentity::Checkpoint next;
        QVERIFY(StoreIdentity::current(*lab, &next, &error));
        QCOMPARE(next.storeId, first.storeId);
        QCOMPARE(next.sequence, first.sequence + 1);
    }

    // Another id written in the file: its hash no longer matches.
    editFile(fixture.path(),
             u"UPDATE meta SET value = CAST('%1' AS BLOB) WHERE key = 'store.id'"_s.arg(
                 QUuid::createUuid().toString(QUuid::WithoutBraces)));
    {
        auto lab = fixture.openAs(LabName);
        StoreIdentity::Checkpoint edited;
        QVERIFY(!StoreIdentity::current(*lab, &edited, &error));
        QVERIFY2(error.contains(u"does not check out"_s), qPrintable(error));
    }
    SidepCtlRun run = sidepctl(fixture.path(), AdminName, {u"db"_s, u"verify"_s});
    QCOMPARE(run.code, int(SidepCtl::IntegrityProblem));
    QVERIFY2(run.out.contains(u"identity for the national server was edited"_s),
             qPrintable(run.all()));

    // Taken away, hash and all: the store does not get a new one (the server would take it
    // for another store and forget its past).
    editFile(fixture.path(), u"DELETE FROM meta WHERE key IN ('store.id', 'store.id.mac')"_s);
    {
        auto lab = fixture.openAs(LabName);
        StoreIdentity::Checkpoint missing;
        QVERIFY(!StoreIdentity::current(*lab, &missing, &error));
        QVERIFY2(error.contains(u"is missing"_s), qPrintable(error));
    }
    run = sidepctl(fixture.path(), AdminName, {u"db"_s, u"verify"_s});
    QCOMPARE(run.code, int(SidepCtl::IntegrityProblem));
    QVERIFY2(run.out.contains(u"was taken away"_s), qPrintable(run.all()));
    // Nor does `db restored` give a damaged store a clean new start.
    run = sidepctl(fixture.path(), AdminName, {u"db"_s, u"restored"_s});
    QCOMPARE(run.code, int(SidepCtl::IntegrityProblem));
}

void TestStoreSequence::storeFromBeforeIdentitiesGetsOneOnlyWhenIntact()
{
    StoreIdentity::createStoresWithoutIdForTest(true);
    StoreFixture old;
    StoreFixture cut;
    StoreIdentity::createStoresWithoutIdForTest(false);
    QString error;
    {
        auto lab = old.openAs(LabName);
        QCOMPARE(StoreIdentity::problem(*lab), QString());
        StoreIdentity::Checkpoint given;
        QVERIFY2(StoreIdentity::current(*lab, &given, &error), qPrintable(error));
        QVERIFY(!QUuid::fromString(given.storeId).isNull());
        StoreIdentity::Checkpoint again;
        QVERIFY(StoreIdentity::current(*lab, &again, &error));
        QCOMPARE(again.storeId, given.storeId);
    }
    // An old store whose audit chain was cut: whether it ever had an id cannot be told, so it
    // gets none.
    editFile(cut.path(), u"DELETE FROM audit WHERE seq = 2"_s);
    auto lab = cut.openAs(LabName);
    StoreIdentity::Checkpoint refused;
    QVERIFY(!StoreIdentity::current(*lab, &refused, &error));
    QVERIFY2(error.contains(u"is missing"_s), qPrintable(error));
}

void TestStoreSequence::serverKeepsTheHighestPerSiteAndStore()
{
    m_server.setCaptureLog(true);
    QVERIFY(m_server.start());
    ServerProbes probes(m_server.pki({}).chopped(1), m_server.port());
    const QByteArray store = QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
    const auto note = [&](const QString& site, qint64 sequence) {
        const QByteArray body =
            "{\"store\":\"" + store + "\",\"auditSequence\":" + QByteArray::number(sequence) + "}";
        return probes.send(site, ServerProbes::post("/store-sequence", body));
    };
    const QString site = u"site-750712184"_s;
    const QString otherSite = u"site-751012345"_s;
    QCOMPARE(note(site, 10).status, 200);
    QCOMPARE(note(site, 10).status, 200); // the same again: nothing written since
    ServerProbes::Answer answer = note(site, 12);
    QCOMPARE(answer.status, 200);
    QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(u"highest"_s).toInt(), 12);
    answer = note(site, 11);
    QCOMPARE(answer.status, 409);
    const QJsonObject outcome = QJsonDocument::fromJson(answer.body).object();
    QCOMPARE(outcome.value(u"resourceType"_s).toString(), u"OperationOutcome"_s);
    QVERIFY(answer.body.contains("entry 11") && answer.body.contains("entry 12"));
    QCOMPARE(conflictsLogged(m_server.log()), 1);
    // Refused, not lowered: 12 still holds.
    QCOMPARE(note(site, 11).status, 409);
    QCOMPARE(note(site, 12).status, 200);
    // Another site's certificate has its own stores, even under the same id.
    QCOMPARE(note(otherSite, 1).status, 200);
    // Anything but a UUID and an integer from 0 on is refused before the database.
    for (const QByteArray& body :
         {QByteArray("{\"store\":\"" + store + "\",\"auditSequence\":-1}"),
          QByteArray("{\"store\":\"" + store + "\",\"auditSequence\":1.5}"),
          QByteArray("{\"store\":\"" + store + "\",\"auditSequence\":\"12\"}"),
          QByteArray("{\"store\":\"not-a-uuid\",\"auditSequence\":1}"),
          QByteArray("{\"store\":\"" + store + "\",\"auditSequence\":1,\"more\":1}"),
          QByteArray("[]")}) {
        QCOMPARE(probes.send(site, ServerProbes::post("/store-sequence", body)).status, 422);
    }
    QCOMPARE(conflictsLogged(m_server.log()), 2);
}

QTEST_GUILESS_MAIN(TestStoreSequence)
#include "TestStoreSequence.moc"
