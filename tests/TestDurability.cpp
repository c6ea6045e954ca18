#include "RecordStore.h"
#include "Store.h"
#include "TestSupport.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace TestSupport;

// "A record written and committed survives the process being killed right after the call
// returns": store_writer saves one record, prints its id and is SIGKILLed at once, without
// closing the store; the records must all be there afterwards, decrypt, and verify.
class TestDurability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void committedRecordSurvivesKill();
    void killAtAnyMomentLeavesAStoreThatOpens_data();
    void killAtAnyMomentLeavesAStoreThatOpens();

private:
    // Starts store_writer on the fixture's store as the nurse, saving validRecord(index).
    void startWriter(QProcess* process, const StoreFixture& fixture, int index);
    // Waits for the id line (null when the writer ended or timed out first).
    static QUuid waitForId(QProcess* process);
    // Waits for "saving" on the writer's standard error.
    static bool waitForSaving(QProcess* process);
    static void killAndReap(QProcess* process);

    QString m_writer;
};

void TestDurability::initTestCase()
{
    m_writer = qEnvironmentVariable("STORE_WRITER");
    QVERIFY2(QFileInfo(m_writer).isExecutable(), "STORE_WRITER must name the store_writer program");
}

void TestDurability::startWriter(QProcess* process, const StoreFixture& fixture, int index)
{
    process->setProcessChannelMode(QProcess::SeparateChannels);
    process->start(m_writer, {fixture.path(), NurseName, QString::number(index)});
    QVERIFY2(process->waitForStarted(10000), qPrintable(process->errorString()));
    process->write(Password.toUtf8() + '\n');
    process->closeWriteChannel();
}

QUuid TestDurability::waitForId(QProcess* process)
{
    const QDeadlineTimer deadline(20000);
    while (!process->canReadLine()) {
        if (process->state() == QProcess::NotRunning || deadline.hasExpired())
            return {};
        process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    return QUuid::fromString(QString::fromLatin1(process->readLine().trimmed()));
}

bool TestDurability::waitForSaving(QProcess* process)
{
    const QDeadlineTimer deadline(20000);
    process->setReadChannel(QProcess::StandardError);
    QByteArray said;
    bool saving = false;
    while (!(saving = (said += process->readAllStandardError()).contains("saving\n"))) {
        if (process->state() == QProcess::NotRunning || deadline.hasExpired())
            break;
        process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    process->setReadChannel(QProcess::StandardOutput);
    return saving;
}

void TestDurability::killAndReap(QProcess* process)
{
    process->kill();
    QVERIFY(process->waitForFinished(10000));
}

void TestDurability::committedRecordSurvivesKill()
{
    StoreFixture fixture;
    QVERIFY(fixture.isValid());

    constexpr int Writers = 20;
    QHash<int, QUuid> saved;
    for (int index = 1; index <= Writers; ++index) {
        QProcess writer;
        startWriter(&writer, fixture, index);
        const QUuid id = waitForId(&writer);
        // SIGKILL the moment add() has returned: no destructor, no close, no checkpoint.
        writer.kill();
        QVERIFY(writer.waitForFinished(10000));
        QVERIFY2(!id.isNull(), writer.readAllStandardError().constData());
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        saved.insert(index, id);
    }
    // The writers never closed the store: the records are in the write-ahead log, which the
    // next opening must replay.
    const QFileInfo wal(fixture.path() + u"-wal"_s);
    QVERIFY(wal.exists() && wal.size() > 0);

    const std::unique_ptr<Store> store = fixture.openAs(NurseName);
    QVERIFY(store);
    QString error;
    const QList<RecordStore::Summary> listed = store->records()->list(std::nullopt, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(listed.size(), Writers);
    for (auto it = saved.cbegin(); it != saved.cend(); ++it) {
        SamplingRecord record;
        QVERIFY2(store->records()->load(it.value(), &record, &error), qPrintable(error));
        const QStringList identifying = identifyingStrings(it.key());
        QCOMPARE(record.patient.birthName, identifying.at(0));
        QCOMPARE(record.patient.firstNames, identifying.at(1));
        QCOMPARE(record.patient.ins, identifying.at(4));
        QCOMPARE(record.contact.email, identifying.at(2) + u"@example.org"_s);
        QCOMPARE(record.specimen.accession,
                 validRecordJson(it.key()).value(u"specimen"_s)[u"accession"_s].toString());
        QCOMPARE(record.status, RecordStatus::Sampled);
        QUuid found;
        QVERIFY(store->records()->findByTube(record.specimen.accession, &found, &error));
        QCOMPARE(found, it.value());
    }
    const RecordStore::VerifyReport report = store->records()->verify();
    QVERIFY2(report.fileProblems.isEmpty(), qPrintable(report.fileProblems.join(u'\n')));
    QVERIFY(report.damaged.isEmpty());
    QCOMPARE(report.recordsChecked, Writers);
    const QStringList auditProblems = store->auditLog()->verify();
    QVERIFY2(auditProblems.isEmpty(), qPrintable(auditProblems.join(u'\n')));
    // Every save left its audit entry, committed with it.
    int created = 0;
    for (const AuditLog::Entry& entry : store->auditLog()->entries(1, 100000)) {
        if (entry.action == u"record.create"_s) {
            ++created;
            QVERIFY(saved.values().contains(QUuid::fromString(entry.recordId)));
        }
    }
    QCOMPARE(created, Writers);
}

void TestDurability::killAtAnyMomentLeavesAStoreThatOpens_data()
{
    QTest::addColumn<bool>("aimAtTheSave");
    // From the start: while the program loads, opens the store and signs in (which writes).
    QTest::newRow("any time from the start") << false;
    // After "saving": while add() validates, encrypts, writes and commits.
    QTest::newRow("during the save") << true;
}

void TestDurability::killAtAnyMomentLeavesAStoreThatOpens()
{
    QFETCH(bool, aimAtTheSave);
    StoreFixture fixture;
    QVERIFY(fixture.isValid());

    // How long a writer takes to print its id, from its start or from "saving": the kills
    // are drawn below that, before it prints (now and then just after, which is fine too).
    QElapsedTimer timer;
    timer.start();
    QProcess first;
    startWriter(&first, fixture, 1);
    if (aimAtTheSave) {
        QVERIFY(waitForSaving(&first));
        timer.restart();
    }
    QVERIFY(!waitForId(&first).isNull());
    const qint64 untilPrintedUs = qMax<qint64>(100, timer.nsecsElapsed() / 1000);
    killAndReap(&first);

    const quint32 seed = QRandomGenerator::global()->generate();
    QRandomGenerator random(seed);
    constexpr int Rounds = 12;
    int printed = 1;
    int savedUnprinted = 0;
    for (int round = 0; round < Rounds; ++round) {
        const int index = 100 + round;
        const quint32 delayUs = random.bounded(quint32(untilPrintedUs + untilPrintedUs / 5));
        QProcess writer;
        startWriter(&writer, fixture, index);
        if (aimAtTheSave)
            QVERIFY(waitForSaving(&writer));
        QThread::usleep(delayUs);
        killAndReap(&writer);
        const QByteArray out = writer.readAllStandardOutput();
        const QString when = u"killed %1 us after %2 (seed %3)"_s.arg(delayUs).arg(
            aimAtTheSave ? u"saving"_s : u"start"_s, QString::number(seed));

        // Whatever moment it died at, the store opens, is sound and its audit chain holds.
        const std::unique_ptr<Store> store = fixture.openAs(NurseName);
        QVERIFY2(store, qPrintable(when));
        const RecordStore::VerifyReport report = store->records()->verify();
        QVERIFY2(report.fileProblems.isEmpty(),
                 qPrintable(when + u'\n' + report.fileProblems.join(u'\n')));
        QVERIFY2(report.damaged.isEmpty(), qPrintable(when));
        const QStringList auditProblems = store->auditLog()->verify();
        QVERIFY2(auditProblems.isEmpty(), qPrintable(when + u'\n' + auditProblems.join(u'\n')));

        // A record is there whole or not at all; one whose id was printed is there.
        QString error;
        QUuid id;
        const QString tube = validRecordJson(index).value(u"specimen"_s)[u"accession"_s].toString();
        const bool found = store->records()->findByTube(tube, &id, &error);
        if (found) {
            SamplingRecord record;
            QVERIFY2(store->records()->load(id, &record, &error), qPrintable(when + error));
            QCOMPARE(record.patient.birthName, identifyingStrings(index).at(0));
        }
        if (out.contains('\n')) {
            QVERIFY2(found, qPrintable(when + u": a record reported as saved is missing"_s));
            QCOMPARE(QUuid::fromString(QString::fromLatin1(out.trimmed())), id);
            ++printed;
        } else if (found) {
            ++savedUnprinted;
        }
        QCOMPARE(report.recordsChecked, printed + savedUnprinted);
    }
    qInfo("seed %u, delays below %lld us: %d killed before saving, %d after saving but before "
          "printing, %d after printing",
          seed, untilPrintedUs + untilPrintedUs / 5, Rounds - savedUnprinted - (printed - 1),
          savedUnprinted, printed - 1);

    // Writers killed part-way do not stop the next one from saving.
    QProcess last;
    startWriter(&last, fixture, 999);
    QVERIFY(!waitForId(&last).isNull());
    killAndReap(&last);
    const std::unique_ptr<Store> store = fixture.openAs(NurseName);
    QVERIFY(store);
    QUuid id;
    QString error;
    QVERIFY(store->records()->findByTube(
        validRecordJson(999).value(u"specimen"_s)[u"accession"_s].toString(), &id, &error));
    QCOMPARE(store->records()->verify().recordsChecked, printed + savedUnprinted + 1);
}

QTEST_GUILESS_MAIN(TestDurability)
#include "TestDurability.moc"
