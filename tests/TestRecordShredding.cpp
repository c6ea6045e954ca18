// Crypto-shredding, on both engines: a purged record's (or a discarded draft's) ciphertext
// that anything kept a copy of (PostgreSQL's dead tuples, WAL and backups, an old copy of a
// store file) never opens again once its key is destroyed, and records written before
// records had keys of their own still open and purge.
//
// The copies are the rows as they were before the purge, put back afterwards with plain SQL
// on the store's own connection: what someone who kept a backup, or who reads the dead
// tuples, would hold. Putting the destroyed key back as well opens them again: that is the
// control that shows the rows put back are whole and that the key alone made the difference.

#include "DraftStore.h"
#include "FakeSyncServer.h"
#include "PostgresTestCluster.h"
#include "RecordPurge.h"
#include "RecordStore.h"
#include "Store.h"
#include "StoreTestAccess.h"
#include "SyncEngine.h"
#include "TestSupport.h"

#include <QJsonObject>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>
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

// A row as it stands: its columns by name (PostgreSQL's generated rowid left out: it is never
// written).
using Row = QList<std::pair<QString, QVariant>>;

Row rowOf(Store& store, const QString& table, const QString& keyColumn, const QString& key)
{
    QSqlQuery& select = StoreTestAccess::database(store).query(
        u"SELECT * FROM "_s + table + u" WHERE "_s + keyColumn + u" = ?"_s);
    select.bindValue(0, key);
    Row row;
    if (select.exec() && select.next()) {
        const QSqlRecord record = select.record();
        for (int i = 0; i < record.count(); ++i) {
            if (record.fieldName(i) != u"rowid"_s)
                row.append({record.fieldName(i), select.value(i)});
        }
    }
    select.finish();
    return row;
}

// Puts a row back as it was (replacing what is there now).
bool putBack(Store& store, const QString& table, const QString& keyColumn, const Row& row)
{
    Database& database = StoreTestAccess::database(store);
    QString key;
    QStringList columns;
    QStringList marks;
    for (const auto& [name, value] : row) {
        if (name == keyColumn)
            key = value.toString();
        columns.append(name);
        marks.append(u"?"_s);
    }
    QString error;
    QSqlQuery& remove =
        database.query(u"DELETE FROM "_s + table + u" WHERE "_s + keyColumn + u" = ?"_s);
    remove.bindValue(0, key);
    if (!database.exec(remove, &error))
        return false;
    QSqlQuery& insert = database.query(u"INSERT INTO "_s + table + u" ("_s + columns.join(u", "_s) +
                                       u") VALUES ("_s + marks.join(u", "_s) + u")"_s);
    for (int i = 0; i < row.size(); ++i)
        insert.bindValue(i, row.at(i).second);
    if (!database.exec(insert, &error)) {
        qWarning("cannot put the row back: %s", qPrintable(error));
        return false;
    }
    return true;
}

int count(Store& store, const QString& sql)
{
    QSqlQuery& select = StoreTestAccess::database(store).query(sql);
    const int value = select.exec() && select.next() ? select.value(0).toInt() : -1;
    select.finish();
    return value;
}

// Sends what waits to a server that acknowledges everything, on the engine's clock at `at`.
void syncAll(Store& lab, const QDateTime& at)
{
    FakeSyncServer server;
    SyncEngine engine(lab, &server);
    engine.setClock([at] { return at; });
    QString error;
    QVERIFY2(engine.retryNow(&error), qPrintable(error));
    while (engine.sendNextBatch()) {
    }
}

} // namespace

class TestRecordShredding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aPurgedRecordsCopiesNeverOpenAgain_data();
    void aPurgedRecordsCopiesNeverOpenAgain();
    void aDiscardedDraftsCopiesNeverOpenAgain_data();
    void aDiscardedDraftsCopiesNeverOpenAgain();
    void recordsWrittenBeforeKeysOfTheirOwnStillOpenAndPurge();

private:
    void engines();
    // A store at the engine's location: a file, or a fresh site database.
    std::unique_ptr<StoreFixture> fixtureFor(const QString& engine);

    QString m_clusterUrl;
    int m_databases = 0;
};

void TestRecordShredding::initTestCase()
{
    QString why;
    m_clusterUrl = PostgresTestCluster::url(&why);
    QVERIFY2(!m_clusterUrl.isEmpty(), qPrintable(why));
}

void TestRecordShredding::engines()
{
    QTest::addColumn<QString>("engine");
    QTest::newRow("store file") << u"file"_s;
    QTest::newRow("site database") << u"postgres"_s;
}

std::unique_ptr<StoreFixture> TestRecordShredding::fixtureFor(const QString& engine)
{
    if (engine == u"file"_s)
        return std::make_unique<StoreFixture>();
    const QString url =
        PostgresTestCluster::freshDatabase(m_clusterUrl, u"shredding_%1"_s.arg(++m_databases));
    if (url.isEmpty())
        return {};
    return std::make_unique<StoreFixture>(url);
}

void TestRecordShredding::aPurgedRecordsCopiesNeverOpenAgain_data()
{
    engines();
}

void TestRecordShredding::aPurgedRecordsCopiesNeverOpenAgain()
{
    QFETCH(QString, engine);
    const auto fixture = fixtureFor(engine);
    QVERIFY(fixture && fixture->isValid());
    const QList<QUuid> ids = addResultedRecords(*fixture, 3, "%PDF-1.4 lab report");
    auto lab = fixture->openAs(LabName);
    QVERIFY(lab);
    const QDateTime t0 = startTime();
    syncAll(*lab, t0);
    QCOMPARE(count(*lab, u"SELECT count(*) FROM record_keys"_s), 3);

    // What a backup, the WAL or a dead tuple keeps of the first record: its row, whole.
    const QString id = idText(ids.first());
    const Row record = rowOf(*lab, u"records"_s, u"id"_s, id);
    const Row key = rowOf(*lab, u"record_keys"_s, u"record_id"_s, id);
    QVERIFY(!record.isEmpty());
    QCOMPARE(key.size(), 2);
    SamplingRecord before;
    QString error;
    QVERIFY2(lab->records()->load(ids.first(), &before, &error), qPrintable(error));

    RecordPurge::Report report;
    QVERIFY2(RecordPurge(*lab).purgeDue(t0.addDays(8), &report, &error), qPrintable(error));
    QCOMPARE(report.records, 3);
    QCOMPARE(count(*lab, u"SELECT count(*) FROM record_keys"_s), 0);

    // The copy put back: authentic (its hash is as the store wrote it), and unreadable.
    QVERIFY(putBack(*lab, u"records"_s, u"id"_s, record));
    lab = fixture->openAs(LabName); // nothing of the key kept in memory either
    SamplingRecord after;
    QVERIFY(!lab->records()->load(ids.first(), &after, &error));
    QVERIFY2(error.contains(u"does not decrypt"_s), qPrintable(error));
    QVERIFY2(!error.contains(before.patient.birthName), qPrintable(error));

    // The control: the destroyed key put back too, and the same copy opens as it was.
    QVERIFY(putBack(*lab, u"record_keys"_s, u"record_id"_s, key));
    lab = fixture->openAs(LabName);
    QVERIFY2(lab->records()->load(ids.first(), &after, &error), qPrintable(error));
    QCOMPARE(after.patient.birthName, before.patient.birthName);
    QCOMPARE(after.result.reportPdf, QByteArray("%PDF-1.4 lab report"));
}

void TestRecordShredding::aDiscardedDraftsCopiesNeverOpenAgain_data()
{
    engines();
}

void TestRecordShredding::aDiscardedDraftsCopiesNeverOpenAgain()
{
    QFETCH(QString, engine);
    const auto fixture = fixtureFor(engine);
    QVERIFY(fixture && fixture->isValid());
    auto nurse = fixture->openAs(NurseName);
    QVERIFY(nurse);
    DraftStore drafts(*nurse);
    QString error;
    const QJsonObject form{{u"birthName"_s, u"SHREDDED-DRAFT"_s}};
    // Saved twice, as a form is while it is typed: one key for both, so the first save's copy
    // goes with the second.
    QVERIFY2(drafts.save(QJsonObject{{u"birthName"_s, u"SHRED"_s}}, &error), qPrintable(error));
    const Row first = rowOf(*nurse, u"drafts"_s, u"owner"_s, NurseName);
    QVERIFY2(drafts.save(form, &error), qPrintable(error));
    const Row second = rowOf(*nurse, u"drafts"_s, u"owner"_s, NurseName);
    const Row key =
        rowOf(*nurse, u"record_keys"_s, u"record_id"_s, RecordKeys::draftKeyId(NurseName));
    QCOMPARE(key.size(), 2);
    QJsonObject loaded;
    QVERIFY(drafts.load(&loaded));
    QCOMPARE(loaded, form);

    QVERIFY2(drafts.discard(&error), qPrintable(error));
    QVERIFY(!drafts.load(&loaded));
    QCOMPARE(count(*nurse, u"SELECT count(*) FROM record_keys"_s), 0);
    for (const Row& copy : {first, second}) {
        QVERIFY(putBack(*nurse, u"drafts"_s, u"owner"_s, copy));
        QVERIFY(!drafts.load(&loaded));
    }

    // The control: with the key back, the last copy opens.
    QVERIFY(putBack(*nurse, u"record_keys"_s, u"record_id"_s, key));
    nurse = fixture->openAs(NurseName);
    DraftStore again(*nurse);
    QVERIFY(again.load(&loaded));
    QCOMPARE(loaded, form);
}

void TestRecordShredding::recordsWrittenBeforeKeysOfTheirOwnStillOpenAndPurge()
{
    // Records as a store made before keys of their own wrote them: under the field key.
    qputenv("SIDEP_TEST_BEFORE_RECORD_KEYS", "1");
    StoreFixture fixture;
    const QList<QUuid> old = addResultedRecords(fixture, 2);
    qunsetenv("SIDEP_TEST_BEFORE_RECORD_KEYS");
    QList<SamplingRecord> added{validRecord(10)};
    QList<QList<Problem>> problems;
    QString error;
    QVERIFY2(fixture.openAs(NurseName)->records()->add(&added, {}, &problems, &error),
             qPrintable(error));
    const QList<QUuid> recent{added.first().id};
    enterResults(fixture, recent);
    auto lab = fixture.openAs(LabName);
    QCOMPARE(count(*lab, u"SELECT count(*) FROM record_keys"_s), 1);
    SamplingRecord record;
    for (const QUuid& id : old + recent)
        QVERIFY2(lab->records()->load(id, &record, &error), qPrintable(error));
    RecordKey key;
    QVERIFY(lab->recordKeys()->keyOf(idText(old.first()), &key, &error));
    QVERIFY(!key.isOwn());
    QVERIFY(lab->recordKeys()->keyOf(idText(recent.first()), &key, &error));
    QVERIFY(key.isOwn());

    // Both kinds purge; the old ones as rows only (SQLite's secure_delete zeroes them).
    const QDateTime t0 = startTime();
    syncAll(*lab, t0);
    RecordPurge::Report report;
    QVERIFY2(RecordPurge(*lab).purgeDue(t0.addDays(8), &report, &error), qPrintable(error));
    QCOMPARE(report.records, 3);
    QCOMPARE(count(*lab, u"SELECT count(*) FROM records WHERE status = 'purged' AND patient IS "
                         "NULL"_s),
             3);
    QCOMPARE(count(*lab, u"SELECT count(*) FROM record_keys"_s), 0);
    const RecordStore::VerifyReport verify = lab->records()->verify();
    QVERIFY(verify.damaged.isEmpty());
}

QTEST_GUILESS_MAIN(TestRecordShredding)
#include "TestRecordShredding.moc"
