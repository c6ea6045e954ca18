// The store in hands that can write the file but know no password, going back in time one
// piece at a time: an earlier result block put back after a correction, a record's clear
// status or version edited, a record's row deleted. Each is damage that reading the record
// and `db verify` report, and that nothing acts on.
#include "FakeSyncServer.h"
#include "RecordPurge.h"
#include "RecordSeal.h"
#include "RecordStore.h"
#include "ResultStore.h"
#include "SidepCtlRun.h"
#include "Store.h"
#include "StoreTestAccess.h"
#include "SyncEngine.h"
#include "TestSupport.h"
#include "Vault.h"

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

void sync(Store& store, FakeSyncServer& server, const QDateTime& at)
{
    SyncEngine engine(store, &server);
    engine.setClock([at] { return at; });
    QString error;
    QVERIFY2(engine.retryNow(&error), qPrintable(error));
    while (engine.sendNextBatch()) {
    }
}

SidepCtlRun sidepctl(const QString& db, const QStringList& arguments)
{
    return runSidepCtl(QStringList{u"--db"_s, db, u"--user"_s, LabName, u"--password-stdin"_s} +
                           arguments,
                       Password.toUtf8() + '\n');
}

// A negative corrected to indeterminate by the lab: versions 1 (sample), 2 (result), 3.
void correct(StoreFixture& fixture, const QUuid& id, const QString& value)
{
    auto lab = fixture.openAs(LabName);
    ResultStore results(*lab);
    ResultStore::Entry entry;
    entry.value = value;
    QList<Problem> problems;
    QString error;
    QVERIFY2(results.correct(id, entry, u"wrong tube read"_s, &problems, &error),
             qPrintable(error));
}

// The versions of a record the server took ("urn:uuid:<record>#<version>" keys).
QList<int> versionsStored(const FakeSyncServer& server, const QUuid& id)
{
    QList<int> versions;
    const QString prefix = u"urn:uuid:"_s + idText(id) + u'#';
    for (const QString& key : server.stored) {
        if (key.startsWith(prefix))
            versions.append(key.mid(prefix.size()).toInt());
    }
    return versions;
}

} // namespace

class TestStoreRollback : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void earlierResultBlockPutBackIsDamage();
    void wholeRowPutBackIsDamage();
    void editedStatusOrVersionIsDamage();
    void rowSealTakenAwayIsDamage();
    void rowsWrittenBeforeSealsAreSealedOnce();
    void deletedRowIsMissing();
    void purgedRecordIsNotMissing();
    void identityOfBeforeAnAmendmentIsDamage();
    void slipCountSetBackIsDamage();
};

void TestStoreRollback::earlierResultBlockPutBackIsDamage()
{
    StoreFixture fixture;
    const QList<QUuid> ids = addResultedRecords(fixture, 2);
    const QUuid victim = ids.first();
    const QString where = u" FROM records WHERE id = '%1'"_s.arg(idText(victim));
    const QByteArray negative = readFile(fixture.path(), u"SELECT result"_s + where).toByteArray();
    QVERIFY(!negative.isEmpty());
    correct(fixture, victim, u"I"_s);
    QCOMPARE(readFile(fixture.path(), u"SELECT version"_s + where).toInt(), 3);

    // The attacker puts the negative back, leaving the version as it is.
    editFile(fixture.path(), u"UPDATE records SET result = ? WHERE id = ?"_s,
             {negative, idText(victim)});

    auto lab = fixture.openAs(LabName);
    ResultStore results(*lab);
    ResultStore::Current current;
    QString error;
    QVERIFY(!results.current(victim, &current, &error));
    QVERIFY2(error.contains(u"damaged"_s), qPrintable(error));
    SamplingRecord record;
    QVERIFY(!lab->records()->load(victim, &record, &error));
    QVERIFY2(error.contains(u"damaged"_s), qPrintable(error));
    // The other record reads as before.
    QVERIFY2(lab->records()->load(ids.last(), &record, &error), qPrintable(error));
    QCOMPARE(record.result.value, u"N"_s);

    // Nothing of it is sent: neither the negative nor anything in its name.
    FakeSyncServer server;
    sync(*lab, server, QDateTime::currentDateTimeUtc());
    QCOMPARE(versionsStored(server, ids.last()).size(), 2);
    // Its registration and first result went out before; the correction does not leave with
    // the rolled-back result in it.
    QVERIFY(!versionsStored(server, victim).contains(3));
    lab.reset();

    const SidepCtlRun verify = sidepctl(fixture.path(), {u"db"_s, u"verify"_s});
    QCOMPARE(verify.code, 3);
    QVERIFY2(verify.out.contains(idText(victim)), qPrintable(verify.out));
    QVERIFY2(!verify.out.contains(idText(ids.last())), qPrintable(verify.out));
    // Ids and block names only, never what the record holds.
    const SamplingRecord original = validRecord(0);
    QVERIFY(!verify.out.contains(original.patient.birthName, Qt::CaseInsensitive));
    QVERIFY(!verify.out.contains(original.specimen.accession));
}

void TestStoreRollback::identityOfBeforeAnAmendmentIsDamage()
{
    StoreFixture fixture;
    const QList<QUuid> ids = addSampledRecords(fixture, 2);
    const QUuid victim = ids.first();
    const QString where = u" FROM records WHERE id = '%1'"_s.arg(idText(victim));
    const QByteArray before = readFile(fixture.path(), u"SELECT patient"_s + where).toByteArray();
    QCOMPARE(readFile(fixture.path(), u"SELECT identity_version"_s + where).toInt(), 1);
    {
        // The nurse corrects the birth name (a typo): version 2, its identity sealed for it.
        auto nurse = fixture.openAs(NurseName);
        SamplingRecord record;
        QString error;
        QVERIFY2(nurse->records()->load(victim, &record, &error), qPrintable(error));
        record.patient.birthName = u"MARTINEZ"_s;
        QList<Problem> problems;
        QVERIFY2(nurse->records()->amend(victim, &record, u"typo in the birth name"_s, {},
                                         &problems, &error),
                 qPrintable(error));
    }
    QCOMPARE(readFile(fixture.path(), u"SELECT identity_version"_s + where).toInt(), 2);

    // The identity of before put back, the rest as it is: it no longer opens.
    editFile(fixture.path(), u"UPDATE records SET patient = ? WHERE id = ?"_s,
             {before, idText(victim)});
    auto lab = fixture.openAs(LabName);
    SamplingRecord record;
    QString error;
    QVERIFY(!lab->records()->load(victim, &record, &error));
    QVERIFY2(error.contains(u"damaged"_s), qPrintable(error));
    QVERIFY2(lab->records()->load(ids.last(), &record, &error), qPrintable(error));
    // Nor is the amendment sent with the old identity in it.
    FakeSyncServer server;
    sync(*lab, server, QDateTime::currentDateTimeUtc());
    QVERIFY(!versionsStored(server, victim).contains(2));
    QVERIFY(versionsStored(server, ids.last()).contains(1));
    lab.reset();
    const SidepCtlRun verify = sidepctl(fixture.path(), {u"db"_s, u"verify"_s});
    QCOMPARE(verify.code, 3);
    QVERIFY2(verify.out.contains(idText(victim)) && verify.out.contains(u"patient"_s),
             qPrintable(verify.out));

    // Nor does setting identity_version back to match the old block: the row's hash says 2.
    editFile(fixture.path(), u"UPDATE records SET identity_version = 1 WHERE id = ?"_s,
             {idText(victim)});
    lab = fixture.openAs(LabName);
    QVERIFY(!lab->records()->load(victim, &record, &error));
    QVERIFY2(error.contains(u"damaged"_s), qPrintable(error));
}

void TestStoreRollback::slipCountSetBackIsDamage()
{
    StoreFixture fixture;
    const QList<QUuid> ids = addResultedRecords(fixture, 1);
    auto lab = fixture.openAs(LabName);
    ResultStore results(*lab);
    ResultStore::SlipContent slip;
    QString error;
    QVERIFY2(results.slip(ids.first(), {}, &slip, &error), qPrintable(error));
    QVERIFY(!results.slip(ids.first(), {}, &slip, &error)); // a reprint needs a reason
    QVERIFY2(error.contains(u"reason"_s), qPrintable(error));
    lab.reset();

    // Zeroed in the file so that a reprint goes without a reason: the row is damage.
    editFile(fixture.path(), u"UPDATE records SET slips_printed = 0"_s);
    lab = fixture.openAs(LabName);
    ResultStore after(*lab);
    QVERIFY(!after.slip(ids.first(), {}, &slip, &error));
    QVERIFY2(error.contains(u"damaged"_s), qPrintable(error));
}

void TestStoreRollback::wholeRowPutBackIsDamage()
{
    StoreFixture fixture;
    const QList<QUuid> ids = addResultedRecords(fixture, 1);
    const QUuid victim = ids.first();
    const QString where = u" FROM records WHERE id = '%1'"_s.arg(idText(victim));
    // Everything the row held at version 2, its hash included.
    const QVariant result = readFile(fixture.path(), u"SELECT result"_s + where);
    const QVariant mac = readFile(fixture.path(), u"SELECT row_mac"_s + where);
    QVERIFY(!mac.toByteArray().isEmpty());
    correct(fixture, victim, u"I"_s);
    editFile(fixture.path(),
             u"UPDATE records SET version = 2, correction = NULL, result = ?, row_mac = ? "
             "WHERE id = ?"_s,
             {result, mac, idText(victim)});

    // The row is consistent with itself, but behind what the outbox queued for it.
    auto lab = fixture.openAs(LabName);
    const RecordStore::VerifyReport report = lab->records()->verify();
    QCOMPARE(report.damaged.size(), 1);
    QCOMPARE(report.damaged.first().first, victim);
    QCOMPARE(report.damaged.first().second, u"version"_s);
}

void TestStoreRollback::editedStatusOrVersionIsDamage()
{
    StoreFixture fixture;
    const QList<QUuid> ids = addSampledRecords(fixture, 3);
    const QList<QUuid> resulted = ids.mid(0, 2);
    const QList<QUuid> sampled = ids.mid(2);
    enterResults(fixture, resulted);
    // A sampled record made to look resulted, a resulted one made to look purged (verify
    // skipped purged rows), and a version raised.
    editFile(fixture.path(), u"UPDATE records SET status = 'resulted' WHERE id = ?"_s,
             {idText(sampled.first())});
    editFile(fixture.path(), u"UPDATE records SET status = 'purged' WHERE id = ?"_s,
             {idText(resulted.first())});
    editFile(fixture.path(), u"UPDATE records SET version = 7 WHERE id = ?"_s,
             {idText(resulted.last())});

    auto lab = fixture.openAs(LabName);
    SamplingRecord record;
    QString error;
    QVERIFY(!lab->records()->load(sampled.first(), &record, &error));
    QVERIFY2(error.contains(u"edited"_s), qPrintable(error));
    ResultStore results(*lab);
    ResultStore::Current current;
    QVERIFY(!results.current(resulted.last(), &current, &error));

    // The queue shows each as damaged, not as what its status claims.
    RecordStore::Query all;
    error.clear();
    const QList<RecordStore::Summary> rows = lab->records()->page(all, 0, 100, false, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    int damaged = 0;
    for (const RecordStore::Summary& row : rows) {
        if (row.damaged)
            ++damaged;
    }
    QCOMPARE(damaged, 3); // the purged-looking one too: it still has its sampling time
    RecordStore::Query purged;
    purged.status = RecordStatus::Purged;
    const QList<RecordStore::Summary> purgedRows =
        lab->records()->page(purged, 0, 100, false, &error);
    QCOMPARE(purgedRows.size(), 1);
    QVERIFY(purgedRows.first().damaged);

    const RecordStore::VerifyReport report = lab->records()->verify();
    QCOMPARE(report.damaged.size(), 3);
    lab.reset();
    const SidepCtlRun verify = sidepctl(fixture.path(), {u"db"_s, u"verify"_s});
    QCOMPARE(verify.code, 3);
    for (const QUuid& id : {sampled.first(), resulted.first(), resulted.last()})
        QVERIFY2(verify.out.contains(idText(id)), qPrintable(verify.out));
}

void TestStoreRollback::rowSealTakenAwayIsDamage()
{
    StoreFixture fixture;
    const QList<QUuid> ids = addResultedRecords(fixture, 1);
    // A store made by this program has been sealed from its creation: a row without its
    // hash is not an old row to trust, and signing in does not seal it again.
    editFile(fixture.path(), u"UPDATE records SET row_mac = NULL, status = 'sampled'"_s);
    auto lab = fixture.openAs(LabName);
    QString error;
    QCOMPARE(RecordSeal::damagedRows(*lab, &error).size(), 1);
    SamplingRecord record;
    QVERIFY(!lab->records()->load(ids.first(), &record, &error));
    QSqlQuery& sealed = StoreTestAccess::database(*lab).query(
        u"SELECT count(*) FROM audit WHERE action = 'records.sealed'"_s);
    QVERIFY(sealed.exec() && sealed.next());
    QCOMPARE(sealed.value(0).toInt(), 1); // the one written when the store was created
    sealed.finish();
}

void TestStoreRollback::rowsWrittenBeforeSealsAreSealedOnce()
{
    // A store of the previous schema: no row hash, result blocks sealed without the version,
    // and no records.sealed in its audit chain.
    qputenv("SIDEP_TEST_BEFORE_ROW_SEALS", "1");
    qputenv("SIDEP_TEST_BEFORE_RECORD_KEYS", "1");
    StoreFixture fixture;
    const QList<QUuid> ids = addResultedRecords(fixture, 2, "%PDF-1.4 lab report");
    {
        auto lab = fixture.openAs(LabName);
        const Vault& vault = *lab->vault();
        for (const QUuid& id : ids) {
            QSqlQuery& select = StoreTestAccess::database(*lab).query(
                u"SELECT version, result, report FROM records WHERE id = ?"_s);
            select.bindValue(0, idText(id));
            QVERIFY(select.exec() && select.next());
            const int version = select.value(0).toInt();
            QByteArray result;
            QByteArray report;
            QVERIFY(vault.open(u"records"_s, idText(id),
                               RecordSeal::boundColumn(u"result"_s, version),
                               select.value(1).toByteArray(), &result));
            QVERIFY(vault.open(u"records"_s, idText(id),
                               RecordSeal::boundColumn(u"report"_s, version),
                               select.value(2).toByteArray(), &report));
            select.finish();
            editFile(fixture.path(),
                     u"UPDATE records SET result = ?, report = ?, row_mac = NULL WHERE id = ?"_s,
                     {vault.seal(u"records"_s, idText(id), u"result"_s, result),
                      vault.seal(u"records"_s, idText(id), u"report"_s, report), idText(id)});
        }
    }
    qunsetenv("SIDEP_TEST_BEFORE_ROW_SEALS");
    qunsetenv("SIDEP_TEST_BEFORE_RECORD_KEYS");
    const QVariant sealedBefore =
        readFile(fixture.path(), u"SELECT count(*) FROM audit WHERE action = 'records.sealed'"_s);
    QCOMPARE(sealedBefore.toInt(), 0);

    // The first sign-in under this version seals them as they stand: they read as before.
    auto lab = fixture.openAs(LabName);
    QString error;
    SamplingRecord record;
    for (const QUuid& id : ids) {
        QVERIFY2(lab->records()->load(id, &record, &error), qPrintable(error));
        QCOMPARE(record.result.value, u"N"_s);
        QCOMPARE(record.result.reportPdf, QByteArray("%PDF-1.4 lab report"));
    }
    const RecordStore::VerifyReport report = lab->records()->verify();
    QVERIFY(report.damaged.isEmpty());
    QVERIFY(report.missing.isEmpty());
    lab.reset();
    QCOMPARE(
        readFile(fixture.path(), u"SELECT count(*) FROM audit WHERE action = 'records.sealed'"_s)
            .toInt(),
        1);
    QCOMPARE(
        readFile(fixture.path(), u"SELECT count(*) FROM records WHERE row_mac IS NULL"_s).toInt(),
        0);

    // Once: a legacy-sealed result put back afterwards does not open.
    lab = fixture.openAs(LabName);
    const QByteArray legacy =
        lab->vault()->seal(u"records"_s, idText(ids.first()), u"result"_s, QByteArray());
    lab.reset();
    editFile(fixture.path(), u"UPDATE records SET result = ?, row_mac = NULL WHERE id = ?"_s,
             {legacy, idText(ids.first())});
    lab = fixture.openAs(LabName);
    QVERIFY(!lab->records()->load(ids.first(), &record, &error));
    QVERIFY2(lab->records()->load(ids.last(), &record, &error), qPrintable(error));
}

void TestStoreRollback::deletedRowIsMissing()
{
    StoreFixture fixture;
    const QList<QUuid> ids = addResultedRecords(fixture, 3);
    const QUuid gone = ids.at(1);
    editFile(fixture.path(), u"DELETE FROM record_search WHERE record_id = ?"_s, {idText(gone)});
    editFile(fixture.path(), u"DELETE FROM outbox WHERE record_id = ?"_s, {idText(gone)});
    editFile(fixture.path(), u"DELETE FROM records WHERE id = ?"_s, {idText(gone)});

    auto lab = fixture.openAs(LabName);
    const RecordStore::VerifyReport report = lab->records()->verify();
    QCOMPARE(report.missing, QList<QUuid>{gone});
    QVERIFY(report.damaged.isEmpty());
    lab.reset();
    const SidepCtlRun verify = sidepctl(fixture.path(), {u"db"_s, u"verify"_s});
    QCOMPARE(verify.code, 3);
    QVERIFY2(verify.out.contains(u"records missing: 1"_s), qPrintable(verify.out));
    QVERIFY2(verify.out.contains(idText(gone)), qPrintable(verify.out));
}

void TestStoreRollback::purgedRecordIsNotMissing()
{
    StoreFixture fixture;
    const QList<QUuid> ids = addResultedRecords(fixture, 2);
    {
        auto lab = fixture.openAs(LabName);
        FakeSyncServer server;
        sync(*lab, server, QDateTime::currentDateTimeUtc().addDays(-400));
    }
    {
        auto admin = fixture.openAs(AdminName);
        RecordPurge purge(*admin);
        RecordPurge::Report report;
        QString error;
        QVERIFY2(purge.purgeDue(QDateTime::currentDateTimeUtc(), &report, &error),
                 qPrintable(error));
        QCOMPARE(report.records, 2);
    }
    QCOMPARE(
        readFile(fixture.path(), u"SELECT count(*) FROM records WHERE status = 'purged'"_s).toInt(),
        2);
    const SidepCtlRun verify = sidepctl(fixture.path(), {u"db"_s, u"verify"_s});
    QVERIFY2(verify.code == 0, qPrintable(verify.out + verify.err));
    QVERIFY2(!verify.out.contains(u"missing"_s), qPrintable(verify.out));
    Q_UNUSED(ids);
}

QTEST_GUILESS_MAIN(TestStoreRollback)
#include "TestStoreRollback.moc"
