#include "SidepCtl.h"
#include "SidepCtlRun.h"
#include "Store.h"
#include "TestSupport.h"

#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

QByteArray line(const QString& text)
{
    return text.toUtf8() + '\n';
}

int lineCount(const QString& text)
{
    return int(text.split(u'\n', Qt::SkipEmptyParts).size());
}

} // namespace

// `sidepctl db backup FILE`: a copy of the store that a site can keep and restore, made
// while the store is in use (its WAL holding what was saved last), as the README's Install
// section describes.
class TestStoreBackup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void backupHoldsWhatTheJournalHolds();
    void backupOpensWithTheRecoveryKeyOfItsDay();
    void backupNeverOverwritesAFile();
    void backupIsAnAdministratorsAct();
    void backupNeedsOneFile();

private:
    SidepCtlRun as(const QString& db, const QString& user, const QStringList& arguments,
                   const QString& password = Password);
    int recordCount(const QString& db);

    QTemporaryDir m_home;
    std::unique_ptr<StoreFixture> m_fixture;
    QString m_backup;
};

void TestStoreBackup::initTestCase()
{
    // Scripts, not a terminal: sidepctl reads passwords from standard input.
    QVERIFY(std::freopen("/dev/null", "r", stdin) != nullptr);
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_home.isValid());
    qputenv("SIDEP_DB", QFile::encodeName(m_home.filePath(u"default-store-must-not-exist.db"_s)));
}

void TestStoreBackup::init()
{
    m_fixture = std::make_unique<StoreFixture>();
    QVERIFY(m_fixture->isValid());
    m_backup = m_fixture->folder() + u"/backup.db"_s;
}

void TestStoreBackup::cleanup()
{
    m_fixture.reset();
    QVERIFY(!QFile::exists(m_home.filePath(u"default-store-must-not-exist.db"_s)));
}

SidepCtlRun TestStoreBackup::as(const QString& db, const QString& user,
                                const QStringList& arguments, const QString& password)
{
    return runSidepCtl(QStringList{u"--db"_s, db, u"--user"_s, user, u"--password-stdin"_s} +
                           arguments,
                       line(password));
}

int TestStoreBackup::recordCount(const QString& db)
{
    const SidepCtlRun run = as(db, NurseName, {u"record"_s, u"list"_s});
    return run.code == 0 ? lineCount(run.out) : -1;
}

void TestStoreBackup::backupHoldsWhatTheJournalHolds()
{
    // A workstation that stays open keeps the last saves in the WAL: SQLite writes them
    // back into the main file only at a checkpoint or when the last connection closes.
    const std::unique_ptr<Store> workstation = m_fixture->openAs(NurseName);
    QVERIFY(workstation);
    const QList<QUuid> ids = addResultedRecords(*m_fixture, 3);
    QCOMPARE(ids.size(), 3);
    QVERIFY(QFileInfo(m_fixture->path() + u"-wal"_s).size() > 0);

    // The control: a plain copy of the store's file misses them.
    const QString plainCopy = m_fixture->folder() + u"/plain-copy.db"_s;
    QVERIFY(QFile::copy(m_fixture->path(), plainCopy));
    QCOMPARE(recordCount(plainCopy), 0);

    const SidepCtlRun backup = as(m_fixture->path(), AdminName, {u"db"_s, u"backup"_s, m_backup});
    QCOMPARE(backup.code, int(SidepCtl::Success));
    QVERIFY2(backup.out.contains(m_backup), qPrintable(backup.out));
    QVERIFY(QFileInfo(m_backup).size() > 0);
    QVERIFY(!QFile::exists(m_backup + u"-wal"_s));
    // Its owner's only, like the store.
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                            QFileDevice::WriteOther | QFileDevice::ExeOther;
    QCOMPARE(QFileInfo(m_backup).permissions() & others, QFileDevice::Permissions());

    // The copy stands alone: every record is there and opens, the audit chain holds.
    QCOMPARE(recordCount(m_backup), 3);
    for (const QUuid& id : ids) {
        const SidepCtlRun shown =
            as(m_backup, LabName, {u"record"_s, u"show"_s, id.toString(QUuid::WithoutBraces)});
        QCOMPARE(shown.code, int(SidepCtl::Success));
    }
    QCOMPARE(as(m_backup, AdminName, {u"db"_s, u"verify"_s}).code, int(SidepCtl::Success));
    QCOMPARE(as(m_backup, AdminName, {u"audit"_s, u"verify"_s}).code, int(SidepCtl::Success));
    // The store's log says a backup was made.
    const SidepCtlRun log = as(m_fixture->path(), AdminName, {u"audit"_s, u"list"_s});
    QCOMPARE(log.code, int(SidepCtl::Success));
    QVERIFY(log.out.contains(u"\tstore.backup\t"_s));
}

void TestStoreBackup::backupOpensWithTheRecoveryKeyOfItsDay()
{
    QCOMPARE(addResultedRecords(*m_fixture, 1).size(), 1);
    QCOMPARE(as(m_fixture->path(), AdminName, {u"db"_s, u"backup"_s, m_backup}).code,
             int(SidepCtl::Success));
    const SidepCtlRun rotated = as(m_fixture->path(), AdminName, {u"recovery"_s, u"rotate"_s});
    QCOMPARE(rotated.code, int(SidepCtl::Success));
    const QString newKey = rotated.out.split(u'\n', Qt::SkipEmptyParts).last().trimmed();

    // Restoring after the passwords were lost: the recovery key kept on the day of the
    // backup opens the copy and resets a password; the later key does not.
    const auto withRecoveryKey = [&](const QString& key, const QStringList& arguments,
                                     const QByteArray& more = {}) {
        return runSidepCtl(QStringList{u"--db"_s, m_backup, u"--recovery-key-stdin"_s} + arguments,
                           line(key) + more);
    };
    QCOMPARE(withRecoveryKey(newKey, {u"user"_s, u"list"_s}).code, int(SidepCtl::AccessDenied));
    QCOMPARE(withRecoveryKey(m_fixture->recoveryKey(), {u"user"_s, u"passwd"_s, LabName},
                             line(u"a new lab password after the restore"_s))
                 .code,
             int(SidepCtl::Success));
    QCOMPARE(
        as(m_backup, LabName, {u"record"_s, u"list"_s}, u"a new lab password after the restore"_s)
            .code,
        int(SidepCtl::Success));
}

void TestStoreBackup::backupNeverOverwritesAFile()
{
    QFile existing(m_backup);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("someone else's file");
    existing.close();

    const SidepCtlRun backup = as(m_fixture->path(), AdminName, {u"db"_s, u"backup"_s, m_backup});
    QCOMPARE(backup.code, int(SidepCtl::StoreError));
    QVERIFY2(backup.err.contains(u"already exists"_s), qPrintable(backup.err));
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("someone else's file"));
}

void TestStoreBackup::backupIsAnAdministratorsAct()
{
    for (const QString& user : {NurseName, LabName}) {
        const SidepCtlRun backup = as(m_fixture->path(), user, {u"db"_s, u"backup"_s, m_backup});
        QCOMPARE(backup.code, int(SidepCtl::AccessDenied));
        QVERIFY(!QFile::exists(m_backup));
    }
}

void TestStoreBackup::backupNeedsOneFile()
{
    QCOMPARE(as(m_fixture->path(), AdminName, {u"db"_s, u"backup"_s}).code, int(SidepCtl::Usage));
    QCOMPARE(as(m_fixture->path(), AdminName, {u"db"_s, u"backup"_s, m_backup, m_backup}).code,
             int(SidepCtl::Usage));
    QVERIFY(!QFile::exists(m_backup));
}

QTEST_GUILESS_MAIN(TestStoreBackup)
#include "TestStoreBackup.moc"
