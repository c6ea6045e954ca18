// Saving into a store whose disk fills up, or turns read-only, fails with a clear message and
// leaves everything saved before intact and readable.
//
// The test needs a small file system of its own: it runs itself again ("inner") under
// `unshare -rm` (a user and mount namespace, no privilege needed), where it mounts a tmpfs
// of a few hundred KiB and can remount it read-only. Everything happens inside that child;
// this outer process checks that it passed.

#include "RecordStore.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

const char* const DiskEnvironment = "SIDEP_TEST_SMALL_DISK";
constexpr int DiskKiB = 2048;

// Keeps free space aside that the test gives back, as a user would by deleting files.
constexpr qint64 BallastBytes = 512 * 1024;

bool remount(const QString& mountPoint, const QString& mode)
{
    return QProcess::execute(u"mount"_s, {u"-o"_s, u"remount,"_s + mode, mountPoint}) == 0;
}

QString leakedIdentity(const QString& message, int upTo)
{
    for (int i = 0; i < upTo; ++i) {
        for (const QString& value : identifyingStrings(i)) {
            if (message.contains(value))
                return value;
        }
    }
    return {};
}

} // namespace

// Runs inside the namespace, on the small tmpfs.
class DiskTrials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullDiskThenReadOnly();

private:
    // Every saved record is there and opens; the file and the audit chain check out.
    static void checkIntact(Store& store, const QList<QUuid>& saved);
    // The same without opening records for a person: reading a record is audited, and the
    // audit cannot be written on a full disk.
    static void checkStored(Store& store, const QList<QUuid>& saved);
};

void DiskTrials::checkIntact(Store& store, const QList<QUuid>& saved)
{
    QString error;
    for (const QUuid& id : saved) {
        SamplingRecord record;
        QVERIFY2(store.records()->load(id, &record, &error), qPrintable(error));
    }
    checkStored(store, saved);
}

void DiskTrials::checkStored(Store& store, const QList<QUuid>& saved)
{
    const RecordStore::VerifyReport report = store.records()->verify();
    QVERIFY2(report.fileProblems.isEmpty(), qPrintable(report.fileProblems.join(u"; "_s)));
    QVERIFY(report.damaged.isEmpty());
    QCOMPARE(report.recordsChecked, saved.size());
    const QStringList auditProblems = store.auditLog()->verify();
    QVERIFY2(auditProblems.isEmpty(), qPrintable(auditProblems.join(u"; "_s)));
}

void DiskTrials::fullDiskThenReadOnly()
{
    const QString disk = qEnvironmentVariable(DiskEnvironment);
    QVERIFY(!disk.isEmpty());
    qputenv("TMPDIR", QFile::encodeName(disk));
    QFile ballast(disk + u"/ballast"_s);
    QVERIFY(ballast.open(QIODevice::WriteOnly));
    QCOMPARE(ballast.write(QByteArray(BallastBytes, 'x')), BallastBytes);
    ballast.close();

    StoreFixture fixture;
    QVERIFY(fixture.isValid());
    QVERIFY(fixture.path().startsWith(disk));
    QList<QUuid> saved;
    QString fullMessage;
    {
        auto nurse = fixture.openAs(NurseName);
        // Records one at a time until the disk refuses one.
        for (int i = 0; i < 5000; ++i) {
            SamplingRecord record = validRecord(i);
            record.id = QUuid::createUuid();
            QList<Problem> problems;
            QString error;
            if (!nurse->records()->add(&record, {}, &problems, &error)) {
                fullMessage = error;
                break;
            }
            saved.append(record.id);
        }
        QVERIFY2(!fullMessage.isEmpty(), "the disk never filled up");
        QVERIFY(!saved.isEmpty());
        qInfo("disk full after %d records: \"%s\"", int(saved.size()), qPrintable(fullMessage));
        QVERIFY2(fullMessage.contains(u"disk is full"_s), qPrintable(fullMessage));
        QCOMPARE(leakedIdentity(fullMessage, int(saved.size()) + 1), QString());
        // Still full: everything saved is there and decrypts.
        checkStored(*nurse, saved);
    }

    // Space is freed: the store opens, everything is there, saving works again.
    QVERIFY(QFile::remove(ballast.fileName()));
    {
        auto nurse = fixture.openAs(NurseName);
        checkIntact(*nurse, saved);
        SamplingRecord record = validRecord(9001);
        record.id = QUuid::createUuid();
        QList<Problem> problems;
        QString error;
        QVERIFY2(nurse->records()->add(&record, {}, &problems, &error), qPrintable(error));
        saved.append(record.id);
    }

    // The disk turns read-only (a failing SD card remounted by the kernel, a full-disk
    // safety): the store either cannot be opened, or opens and refuses to save, and says
    // why in both cases. (Linux refuses to remount read-only under a file open for
    // writing, so the store is closed first.)
    QVERIFY(remount(disk, u"ro"_s));
    {
        Store store;
        QString error;
        if (!store.open(fixture.path(), &error)) {
            qInfo("open on a read-only disk: \"%s\"", qPrintable(error));
            QVERIFY2(error.contains(u"read-only"_s), qPrintable(error));
        } else {
            QVERIFY2(store.signIn(NurseName, password(), &error), qPrintable(error));
            SamplingRecord refused = validRecord(9002);
            refused.id = QUuid::createUuid();
            QList<Problem> problems;
            QVERIFY(!store.records()->add(&refused, {}, &problems, &error));
            qInfo("save on a read-only disk: \"%s\"", qPrintable(error));
            QVERIFY2(error.contains(u"read-only"_s), qPrintable(error));
            QCOMPARE(leakedIdentity(error, 9003), QString());
        }
    }
    QVERIFY(remount(disk, u"rw"_s));
    auto nurse = fixture.openAs(NurseName);
    checkIntact(*nurse, saved);
}

// Runs the trials on a small file system of their own.
class TestDiskFull : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void trialsOnASmallFileSystem();
};

void TestDiskFull::trialsOnASmallFileSystem()
{
    QTemporaryDir mountPoint;
    QVERIFY(mountPoint.isValid());
    QProcess trials;
    trials.setProcessChannelMode(QProcess::ForwardedChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(DiskEnvironment), mountPoint.path());
    trials.setProcessEnvironment(environment);
    // The tmpfs lives and dies with the namespace: nothing is left mounted afterwards.
    trials.start(u"unshare"_s,
                 {u"--user"_s, u"--map-root-user"_s, u"--mount"_s, u"sh"_s, u"-c"_s,
                  u"mount -t tmpfs -o size=%1k tmpfs \"$0\" && exec \"$1\" inner"_s.arg(DiskKiB),
                  mountPoint.path(), QCoreApplication::applicationFilePath()});
    QVERIFY(trials.waitForFinished(280000)); // within CTest's 300 s
    QCOMPARE(trials.exitStatus(), QProcess::NormalExit);
    QCOMPARE(trials.exitCode(), 0);
}

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    if (argc > 1 && qstrcmp(argv[1], "inner") == 0) {
        DiskTrials trials;
        return QTest::qExec(&trials, 1, argv);
    }
    TestDiskFull test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestDiskFull.moc"
