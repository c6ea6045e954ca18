#include "AuditLog.h"
#include "RecordStore.h"
#include "Store.h"
#include "TestSupport.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

// Runs raw SQL on the store file in one transaction, as someone editing the file behind the
// program would. `%1` in a statement stands for the last entry's sequence number.
void tamper(const QString& path, const QStringList& statements, qint64 last,
            const QString& attach = {})
{
    const QString name = u"tamper"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        if (!attach.isEmpty()) {
            QVERIFY(query.prepare(u"ATTACH DATABASE ? AS copy"_s));
            query.bindValue(0, attach);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }
        QVERIFY(db.transaction());
        for (const QString& statement : statements) {
            const QString sql = statement.contains(u"%1"_s) ? statement.arg(last) : statement;
            QVERIFY2(query.exec(sql), qPrintable(sql + u": "_s + query.lastError().text()));
        }
        QVERIFY(db.commit());
    }
    QSqlDatabase::removeDatabase(name);
}

qint64 lastSeq(const QString& path)
{
    const QString name = u"raw"_s;
    qint64 seq = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        QSqlQuery query(db);
        if (db.open() && query.exec(u"SELECT max(seq) FROM audit"_s) && query.next())
            seq = query.value(0).toLongLong();
    }
    QSqlDatabase::removeDatabase(name);
    return seq;
}

// A record whose NIR disagrees with the sex, kept with a reason: its audit entry carries an
// encrypted note, and it is the last entry of the log.
void addOverriddenRecord(Store& store, int index)
{
    SamplingRecord record = validRecord(index);
    record.patient.sex = u"M"_s; // the NIR says female
    RecordStore::SaveOptions options;
    options.identityOverrideReason = u"document checked at the desk"_s;
    options.acceptWarnings = true;
    QList<Problem> problems;
    QString error;
    QVERIFY2(store.records()->add(&record, options, &problems, &error), qPrintable(error));
}

// What verify() says of an entry whose MAC does not check: `seq` is a number or a name
// filled in by the test ({last}, {before}).
QString altered(const QString& seq, const QString& previous)
{
    return u"entry "_s + seq + u" was altered or does not follow entry "_s + previous;
}

QString altered(int seq)
{
    return altered(QString::number(seq), QString::number(seq - 1));
}

} // namespace

// The audit chain at its two ends, where a loop's bounds go wrong: the first entry (written
// when the store is created, chained to nothing) and the last (held by the MAC'd head). Each
// column of either one edited, either one removed, either one swapped with its neighbour,
// and the whole log swapped for a copy's: verify() names exactly what happened, on the
// session that was open while the file was edited (no entry appended in between).
class TestAuditLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void intactChainVerifies();
    void tamperedEndIsNamed_data();
    void tamperedEndIsNamed();
    void logOfACopyWithAsManyEntriesIsDetected();
};

void TestAuditLog::intactChainVerifies()
{
    StoreFixture fixture;
    QVERIFY(fixture.isValid());
    auto nurse = fixture.openAs(NurseName);
    QVERIFY(nurse);
    addOverriddenRecord(*nurse, 1);
    QCOMPARE(nurse->auditLog()->verify(), QStringList());
    const QList<AuditLog::Entry> entries = nurse->auditLog()->entries();
    QCOMPARE(entries.first().seq, 1);
    QCOMPARE(entries.last().seq, lastSeq(fixture.path()));
    QVERIFY(!entries.last().note.isEmpty()); // the ends tested below include a sealed note
}

void TestAuditLog::tamperedEndIsNamed_data()
{
    QTest::addColumn<QStringList>("sql");
    // The problems verify() lists, {last} standing for the last entry's number and
    // {before} for the one before it.
    QTest::addColumn<QStringList>("expected");

    const QString lastAltered = altered(u"{last}"_s, u"{before}"_s);
    const QString edit = u"UPDATE audit SET %1 WHERE seq = "_s;
    const QStringList edits = {
        u"at = '2020-01-01T00:00:00.000Z'"_s,
        u"actor = 'mallory'"_s,
        u"action = 'record.view'"_s,
        u"record_id = '00000000-0000-4000-8000-000000000000'"_s,
        u"detail = 'nothing'"_s,
        u"note = X'00'"_s,
    };
    for (const QString& column : edits) {
        const QString field = column.section(u' ', 0, 0);
        QTest::addRow("first entry: %s edited", qPrintable(field))
            << QStringList{edit.arg(column) + u"1"_s} << QStringList{altered(1)};
        QTest::addRow("last entry: %s edited", qPrintable(field))
            << QStringList{edit.arg(column) + u"%1"_s} << QStringList{lastAltered};
    }
    // A MAC taken from the next entry: the first no longer checks, nor does the second that
    // follows it.
    QTest::newRow("first entry: MAC replaced")
        << QStringList{u"UPDATE audit SET mac = (SELECT mac FROM audit WHERE seq = 2) "
                       "WHERE seq = 1"_s}
        << QStringList{altered(1), altered(2)};
    QTest::newRow("last entry: MAC replaced")
        << QStringList{u"UPDATE audit SET mac = randomblob(32) WHERE seq = %1"_s}
        << QStringList{lastAltered, u"the last audit entry was replaced"_s};
    QTest::newRow("first entry removed") << QStringList{u"DELETE FROM audit WHERE seq = 1"_s}
                                         << QStringList{u"entries 1 to 1 are missing"_s};
    QTest::newRow("last entry removed")
        << QStringList{u"DELETE FROM audit WHERE seq = %1"_s}
        << QStringList{u"the audit log should end at entry {last} but ends at entry {before}"_s};
    QTest::newRow("first two entries swapped")
        << QStringList{u"UPDATE audit SET seq = -1 WHERE seq = 1"_s,
                       u"UPDATE audit SET seq = 1 WHERE seq = 2"_s,
                       u"UPDATE audit SET seq = 2 WHERE seq = -1"_s}
        << QStringList{altered(1), altered(2), altered(3)};
    QTest::newRow("last two entries swapped")
        << QStringList{u"UPDATE audit SET seq = -1 WHERE seq = %1"_s,
                       u"UPDATE audit SET seq = %1 WHERE seq = %1 - 1"_s,
                       u"UPDATE audit SET seq = %1 - 1 WHERE seq = -1"_s}
        << QStringList{altered(u"{before}"_s, u"{before - 1}"_s), lastAltered,
                       u"the last audit entry was replaced"_s};
}

void TestAuditLog::tamperedEndIsNamed()
{
    QFETCH(QStringList, sql);
    QFETCH(QStringList, expected);
    StoreFixture fixture;
    QVERIFY(fixture.isValid());
    auto nurse = fixture.openAs(NurseName);
    QVERIFY(nurse);
    addOverriddenRecord(*nurse, 1);
    QCOMPARE(nurse->auditLog()->verify(), QStringList());
    const qint64 last = lastSeq(fixture.path());
    QVERIFY(last >= 4);
    for (QString& line : expected) {
        line.replace(u"{last}"_s, QString::number(last));
        line.replace(u"{before}"_s, QString::number(last - 1));
        line.replace(u"{before - 1}"_s, QString::number(last - 2));
    }

    tamper(fixture.path(), sql, last);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(nurse->auditLog()->verify(), expected);

    // The next sign-in appends to the damaged log: the damage still shows after it.
    nurse.reset();
    auto admin = fixture.openAs(AdminName);
    QVERIFY(admin);
    QVERIFY(!admin->auditLog()->verify().isEmpty());
}

void TestAuditLog::logOfACopyWithAsManyEntriesIsDetected()
{
    // Two copies of one store each get as many new entries; the log of one put in the other
    // checks entry by entry (same key, each chain whole) and ends at the sequence number the
    // head says: only the head's MAC of the last entry tells them apart.
    StoreFixture fixture;
    QVERIFY(fixture.isValid());
    const QString copyPath = fixture.folder() + u"/copy.db"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"copy"_s);
        db.setDatabaseName(fixture.path());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.prepare(u"VACUUM INTO ?"_s));
        query.bindValue(0, copyPath);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }
    QSqlDatabase::removeDatabase(u"copy"_s);
    {
        Store copy;
        QString error;
        QVERIFY2(copy.open(copyPath, &error), qPrintable(error));
        QVERIFY2(copy.signIn(NurseName, password(), &error), qPrintable(error));
        addOverriddenRecord(copy, 2);
        QCOMPARE(copy.auditLog()->verify(), QStringList());
    }
    auto nurse = fixture.openAs(NurseName);
    QVERIFY(nurse);
    addOverriddenRecord(*nurse, 1);
    const qint64 last = lastSeq(fixture.path());
    QCOMPARE(lastSeq(copyPath), last);

    tamper(fixture.path(),
           {u"DELETE FROM audit"_s, u"INSERT INTO audit SELECT * FROM copy.audit"_s}, last,
           copyPath);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(nurse->auditLog()->verify(), QStringList{u"the last audit entry was replaced"_s});

    // The next sign-in chains its entry to the table's end, not the head's: it writes the
    // evidence into the chain first, or the new head would make the swapped log whole again.
    nurse.reset();
    auto admin = fixture.openAs(AdminName);
    QVERIFY(admin);
    const QStringList problems = admin->auditLog()->verify();
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().startsWith(
                 u"entry %1 records that the log had been cut or edited before it"_s.arg(last + 1)),
             qPrintable(problems.first()));
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "TestAuditLog.moc"
