// The store on a site PostgreSQL database, shared by the stations of a sampling site: the
// throw-away cluster of the CTest fixture (scripts/pg-test-cluster). sidepctl creates a
// site database and works on it as on a file; a URL that reaches no database is refused
// and never becomes a file; two stations (two sidepctl processes) save at once with nothing
// lost, duplicated or out of the audit chain; a lab station results tubes sampled at
// another; stations validating positives at once never get the same activation code; the
// database holds no identifying byte; a station whose database restarts says so plainly,
// keeps what was saved, and goes on when the database is back; a station killed in the middle
// of a save leaves nothing half-written and no lock held.

#include "ActivationCodes.h"
#include "AuditLog.h"
#include "DraftStore.h"
#include "FakeSyncServer.h"
#include "Outbox.h"
#include "PostgresTestCluster.h"
#include "RecordPurge.h"
#include "RecordStore.h"
#include "ResultStore.h"
#include "ServerProcess.h"
#include "SidepCtl.h"
#include "SidepCtlRun.h"
#include "Store.h"
#include "SyncEngine.h"
#include "TestSupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <csignal>
#include <mutex>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace TestSupport;
using PostgresTestCluster::Connection;

namespace {

QByteArray line(const QString& text)
{
    return text.toUtf8() + '\n';
}

const QString SecondLab = u"lab2"_s;

// A national delivery's CSV of `count` activation codes, valid from yesterday for a week.
QByteArray codesCsv(int count)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto iso = [](const QDateTime& at) { return at.toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"_s); };
    QByteArray csv = "code_pour_qr,code_brut,validite_debut,validite_fin\n";
    for (int i = 0; i < count; ++i) {
        csv += u"%1,S%2,%3,%4\n"_s
                   .arg(QUuid::createUuid().toString(QUuid::WithoutBraces),
                        u"%1"_s.arg(i, 5, 10, QLatin1Char('0')), iso(now.addDays(-1)),
                        iso(now.addDays(6)))
                   .toUtf8();
    }
    return csv;
}

QString tubeOf(int index)
{
    return validRecordJson(index).value(u"specimen"_s)[u"accession"_s].toString();
}

// A station: `script` run by bash in a process group of its own, so that one SIGKILL ends the
// shell and the sidepctl it is running at that moment, as a power cut would.
std::unique_ptr<QProcess> startStation(const QString& db, const QString& script)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"DB"_s, db);
    environment.insert(u"PASSWORD"_s, Password);
    process->setProcessEnvironment(environment);
    process->setChildProcessModifier([] { ::setpgid(0, 0); });
    process->start(u"bash"_s, {u"-c"_s, script});
    return process;
}

} // namespace

class TestSiteDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aLocationThatIsNoStoreIsRefusedAndMakesNoFile_data();
    void aLocationThatIsNoStoreIsRefusedAndMakesNoFile();
    void aSiteDatabaseWorksAsAStoreFileDoes();
    void twoStationsSaveAtOnce();
    void labelNumbersTakenAtOnceByStationsNeverRepeat();
    void activationCodesTakenAtOnceByStationsNeverRepeat();
    void twoStationsSyncAndTheServerHoldsEachVersionOnce();
    void aStationsStoreMovesIntoTheSiteDatabase();
    void aSecondStationMergesIntoTheSiteDatabase();
    void aMergedStationsPurgedRecordsStayPurged();
    void aMergedStationsVersionsGoOnceFromTheSite();
    void aDamagedStationIsNotMerged();
    void theDatabaseHoldsNoIdentifyingByte();
    void aStationWhoseDatabaseRestartsGoesOn();
    void aStationKilledMidSaveLeavesNothingHalfWritten();

private:
    // A fresh site database with the accounts admin, nurse and lab: its URL.
    QString siteWithAccounts(const QString& name);
    SidepCtlRun as(const QString& db, const QString& user, const QStringList& arguments,
                   const QByteArray& more = {});
    QStringList tubesListed(const QString& db);
    // audit verify and db verify pass on `db`.
    void checksOut(const QString& db);
    // The site's pool gets the codes S00000 to S<count - 1>.
    void importCodes(const QString& db, int count);
    // A standalone station with records in every state the merge carries; their ids by tube.
    void stationToMerge(StoreFixture& station, const QString& codes, QHash<QString, QUuid>* ids);
    void mergedRecordsReadAsOnTheStation(StoreFixture& station, const QString& site,
                                         const QHash<QString, QUuid>& ids);
    // Records for tubes first to first + count - 1, each with a positive entered once (by
    // the lab): their ids by tube.
    void positivesAwaitingSecondEntry(const QString& db, int first, int count,
                                      QHash<QString, QUuid>* ids);

    QString m_clusterUrl;
};

void TestSiteDatabase::initTestCase()
{
    QString why;
    m_clusterUrl = PostgresTestCluster::url(&why);
    QVERIFY2(!m_clusterUrl.isEmpty(), qPrintable(why));
    QVERIFY2(QFile::exists(qEnvironmentVariable("SIDEPCTL")), "SIDEPCTL must name sidepctl");
    QVERIFY2(QFile::exists(qEnvironmentVariable("PG_TEST_CLUSTER")),
             "PG_TEST_CLUSTER must name scripts/pg-test-cluster");
}

QString TestSiteDatabase::siteWithAccounts(const QString& name)
{
    const QString db = PostgresTestCluster::freshDatabase(m_clusterUrl, name);
    if (db.isEmpty())
        return {};
    const SidepCtlRun created =
        runSidepCtl({u"--db"_s, db, u"--password-stdin"_s, u"init"_s, u"--site-finess"_s,
                     SiteFiness, u"--admin"_s, AdminName},
                    line(Password));
    if (created.code != SidepCtl::Success) {
        qWarning("init: %s", qPrintable(created.err));
        return {};
    }
    for (const auto& [user, role] : {std::pair{NurseName, u"nurse"_s}, {LabName, u"lab"_s}}) {
        const SidepCtlRun added =
            as(db, AdminName, {u"user"_s, u"add"_s, user, u"--role"_s, role}, line(Password));
        if (added.code != SidepCtl::Success) {
            qWarning("user add: %s", qPrintable(added.err));
            return {};
        }
    }
    return db;
}

SidepCtlRun TestSiteDatabase::as(const QString& db, const QString& user,
                                 const QStringList& arguments, const QByteArray& more)
{
    return runSidepCtl(QStringList{u"--db"_s, db, u"--user"_s, user, u"--password-stdin"_s} +
                           arguments,
                       line(Password) + more);
}

QStringList TestSiteDatabase::tubesListed(const QString& db)
{
    const SidepCtlRun listed = as(db, NurseName, {u"record"_s, u"list"_s});
    if (listed.code != SidepCtl::Success)
        qWarning("record list: %s", qPrintable(listed.err));
    QStringList tubes;
    for (const QString& row : listed.out.split(u'\n', Qt::SkipEmptyParts))
        tubes.append(row.section(u'\t', 1, 1));
    return tubes;
}

void TestSiteDatabase::checksOut(const QString& db)
{
    for (const QStringList& check :
         {QStringList{u"audit"_s, u"verify"_s}, QStringList{u"db"_s, u"verify"_s}}) {
        const SidepCtlRun verified = as(db, AdminName, check);
        QVERIFY2(verified.code == SidepCtl::Success, qPrintable(verified.all()));
    }
}

void TestSiteDatabase::aLocationThatIsNoStoreIsRefusedAndMakesNoFile_data()
{
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("reason");
    // Port 1 on loopback: nothing listens there.
    QTest::newRow("no server")
        << u"postgresql://sidep@127.0.0.1:1/sidep"_s
        << u"cannot reach the site database postgresql://127.0.0.1:1/sidep"_s;
    QTest::newRow("a password in the URL")
        << u"postgresql://sidep:secret@127.0.0.1:1/sidep"_s << u"password must not be in the URL"_s;
    QTest::newRow("an unknown parameter")
        << u"postgresql://sidep@127.0.0.1:1/sidep?ssl=1"_s << u"parameter ssl: not supported"_s;
    QTest::newRow("no database name")
        << u"postgresql://sidep@127.0.0.1:1/"_s << u"postgresql://user@host:port/database"_s;
    QTest::newRow("another scheme")
        << u"sqlite:///tmp/store.db"_s << u"neither a file path nor a site database URL"_s;
    QTest::newRow("a misspelt scheme") << u"postgressql://sidep@127.0.0.1/sidep"_s
                                       << u"neither a file path nor a site database URL"_s;
}

void TestSiteDatabase::aLocationThatIsNoStoreIsRefusedAndMakesNoFile()
{
    QFETCH(QString, location);
    QFETCH(QString, reason);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString before = QDir::currentPath();
    QVERIFY(QDir::setCurrent(folder.path()));
    const SidepCtlRun created =
        runSidepCtl({u"--db"_s, location, u"--password-stdin"_s, u"init"_s, u"--site-finess"_s,
                     SiteFiness, u"--admin"_s, AdminName},
                    line(Password));
    const SidepCtlRun listed = as(location, NurseName, {u"record"_s, u"list"_s});
    QVERIFY(QDir::setCurrent(before));
    QCOMPARE_NE(created.code, int(SidepCtl::Success));
    QVERIFY2(created.err.contains(reason), qPrintable(created.err));
    QCOMPARE_NE(listed.code, int(SidepCtl::Success));
    QVERIFY2(listed.err.contains(reason), qPrintable(listed.err));
    QVERIFY2(!created.all().contains(u"secret"_s), qPrintable(created.all()));
    // Nothing was made in the working folder, under any name.
    QCOMPARE(QDir(folder.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList());
}

void TestSiteDatabase::aSiteDatabaseWorksAsAStoreFileDoes()
{
    const QString db = siteWithAccounts(u"site_works"_s);
    QVERIFY(!db.isEmpty());
    // A database without a store is told apart from an unreachable one.
    const QString empty = PostgresTestCluster::freshDatabase(m_clusterUrl, u"site_empty"_s);
    const SidepCtlRun none = as(empty, NurseName, {u"record"_s, u"list"_s});
    QVERIFY2(none.err.contains(u"no store in the site database"_s), qPrintable(none.err));

    // A second init on the same database is refused: it would replace the site's keys.
    const SidepCtlRun again =
        runSidepCtl({u"--db"_s, db, u"--password-stdin"_s, u"init"_s, u"--site-finess"_s,
                     SiteFiness, u"--admin"_s, u"other"_s},
                    line(Password));
    QCOMPARE_NE(again.code, int(SidepCtl::Success));
    QVERIFY2(again.err.contains(u"already holds a store"_s), qPrintable(again.err));

    QJsonArray records;
    for (int i = 0; i < 3; ++i)
        records.append(validRecordJson(i));
    const SidepCtlRun added =
        as(db, NurseName, {u"record"_s, u"add"_s, u"-"_s}, QJsonDocument(records).toJson());
    QVERIFY2(added.code == SidepCtl::Success, qPrintable(added.err));
    QStringList expected;
    for (int i = 0; i < 3; ++i)
        expected.append(validRecord(i).specimen.accession);
    QStringList tubes = tubesListed(db);
    tubes.sort();
    expected.sort();
    QCOMPARE(tubes, expected);

    // The lab, at any station of the site, results a tube sampled at another.
    const SidepCtlRun resulted = as(db, LabName,
                                    {u"result"_s, u"set"_s, u"--tube"_s,
                                     validRecord(1).specimen.accession, u"--value"_s, u"N"_s});
    QVERIFY2(resulted.code == SidepCtl::Success, qPrintable(resulted.err));
    const SidepCtlRun resultedOnly =
        as(db, NurseName, {u"record"_s, u"list"_s, u"--status"_s, u"resulted"_s});
    QVERIFY2(resultedOnly.out.contains(validRecord(1).specimen.accession),
             qPrintable(resultedOnly.all()));
    QCOMPARE(resultedOnly.out.count(u'\n'), 1);

    const SidepCtlRun audit = as(db, AdminName, {u"audit"_s, u"verify"_s});
    QVERIFY2(audit.code == SidepCtl::Success, qPrintable(audit.all()));
    const SidepCtlRun verified = as(db, AdminName, {u"db"_s, u"verify"_s});
    QVERIFY2(verified.code == SidepCtl::Success, qPrintable(verified.all()));
    // A station does not back up the site's database: its server's tools do.
    const SidepCtlRun backup =
        as(db, AdminName, {u"db"_s, u"backup"_s, QDir::tempPath() + u"/never.db"_s});
    QCOMPARE_NE(backup.code, int(SidepCtl::Success));
    QVERIFY2(backup.err.contains(u"pg_dump"_s), qPrintable(backup.err));
}

void TestSiteDatabase::twoStationsSaveAtOnce()
{
    const QString db = siteWithAccounts(u"site_stations"_s);
    QVERIFY(!db.isEmpty());
    constexpr int PerStation = 8;
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    // Each station saves its records one at a time, while the other does the same.
    QList<std::shared_ptr<QProcess>> stations;
    for (int station = 0; station < 2; ++station) {
        QString script = u"set -e\n"_s;
        for (int i = 0; i < PerStation; ++i) {
            const int index = station * PerStation + i;
            const QString file = folder.filePath(u"record-%1.json"_s.arg(index));
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(QJsonDocument(validRecordJson(index)).toJson());
            out.close();
            script += u"printf '%s\\n' \"$PASSWORD\" | \"$SIDEPCTL\" --db \"$DB\" --user nurse "
                      "--password-stdin record add '"_s +
                      file + u"'\n"_s;
        }
        auto process = std::make_shared<QProcess>();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"DB"_s, db);
        environment.insert(u"PASSWORD"_s, Password);
        process->setProcessEnvironment(environment);
        process->start(u"bash"_s, {u"-c"_s, script});
        stations.append(process);
    }
    for (const auto& process : stations) {
        QVERIFY(process->waitForFinished(120000));
        QVERIFY2(process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0,
                 process->readAllStandardError().constData());
    }
    QStringList tubes = tubesListed(db);
    QCOMPARE(tubes.size(), 2 * PerStation);
    tubes.removeDuplicates();
    QCOMPARE(tubes.size(), 2 * PerStation);
    // One audit chain for the site, every save in it, verified.
    const SidepCtlRun audit = as(db, AdminName, {u"audit"_s, u"verify"_s});
    QVERIFY2(audit.code == SidepCtl::Success, qPrintable(audit.all()));
    const SidepCtlRun entries = as(db, AdminName, {u"audit"_s, u"list"_s});
    QCOMPARE(entries.out.count(u"record.create"_s), 2 * PerStation);
}

void TestSiteDatabase::labelNumbersTakenAtOnceByStationsNeverRepeat()
{
    const QString db = siteWithAccounts(u"site_labels"_s);
    QVERIFY(!db.isEmpty());
    // Three stations print label sheets at the same time, each with its own connection.
    constexpr int Stations = 3;
    constexpr int Sheets = 15;
    constexpr int PerSheet = 6;
    std::mutex lock;
    QList<qint64> firsts;
    QStringList failures;
    QList<QThread*> threads;
    for (int station = 0; station < Stations; ++station) {
        threads.append(QThread::create([&] {
            Store store;
            QString error;
            QList<qint64> mine;
            if (store.open(db, &error) && store.signIn(NurseName, password(), &error)) {
                for (int sheet = 0; sheet < Sheets; ++sheet) {
                    qint64 first = 0;
                    if (!store.takeLabelNumbers(PerSheet, &first, &error))
                        break;
                    mine.append(first);
                }
            }
            const std::lock_guard guard(lock);
            firsts += mine;
            if (mine.size() != Sheets)
                failures.append(error);
        }));
        threads.last()->start();
    }
    for (QThread* thread : threads) {
        thread->wait();
        delete thread;
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u"; "_s)));
    // Every sheet got its own numbers, one after the other from 1: no repeat, no gap.
    std::sort(firsts.begin(), firsts.end());
    QCOMPARE(firsts.size(), Stations * Sheets);
    for (qsizetype i = 0; i < firsts.size(); ++i)
        QCOMPARE(firsts.at(i), 1 + i * PerSheet);
    const SidepCtlRun audit = as(db, AdminName, {u"audit"_s, u"verify"_s});
    QVERIFY2(audit.code == SidepCtl::Success, qPrintable(audit.all()));
}

void TestSiteDatabase::importCodes(const QString& db, int count)
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString csvPath = folder.filePath(u"codes.csv"_s);
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write(codesCsv(count));
    csv.close();
    const SidepCtlRun imported = as(db, LabName, {u"codes"_s, u"import"_s, csvPath});
    QVERIFY2(imported.code == SidepCtl::Success, qPrintable(imported.all()));
}

void TestSiteDatabase::positivesAwaitingSecondEntry(const QString& db, int first, int count,
                                                    QHash<QString, QUuid>* ids)
{
    Store nurse;
    QString error;
    QVERIFY2(nurse.open(db, &error), qPrintable(error));
    QVERIFY2(nurse.signIn(NurseName, password(), &error), qPrintable(error));
    QList<SamplingRecord> records;
    for (int i = 0; i < count; ++i)
        records.append(validRecord(first + i));
    QList<QList<Problem>> problems;
    QVERIFY2(nurse.records()->add(&records, {}, &problems, &error), qPrintable(error));
    for (const SamplingRecord& record : std::as_const(records))
        ids->insert(record.specimen.accession, record.id);

    Store lab;
    QVERIFY2(lab.open(db, &error), qPrintable(error));
    QVERIFY2(lab.signIn(LabName, password(), &error), qPrintable(error));
    ResultStore results(lab);
    for (const QUuid& id : std::as_const(*ids)) {
        ResultStore::Entry positive;
        positive.value = u"P"_s;
        ResultStore::Outcome outcome{};
        QList<Problem> entryProblems;
        QVERIFY2(results.enter(id, positive, &outcome, &entryProblems, &error), qPrintable(error));
        QCOMPARE(outcome, ResultStore::Outcome::AwaitingSecondEntry);
    }
}

void TestSiteDatabase::activationCodesTakenAtOnceByStationsNeverRepeat()
{
    const QString db = siteWithAccounts(u"site_codes"_s);
    QVERIFY(!db.isEmpty());
    // A positive is validated by a second lab user, who enters it blind: that entry takes
    // the code.
    const SidepCtlRun added =
        as(db, AdminName, {u"user"_s, u"add"_s, SecondLab, u"--role"_s, u"lab"_s}, line(Password));
    QVERIFY2(added.code == SidepCtl::Success, qPrintable(added.err));
    constexpr int Stations = 3;
    constexpr int PerStation = 3;
    constexpr int Positives = Stations * PerStation;
    // More codes than positives: a station that finds none left has lost the race, not the
    // pool.
    constexpr int Pool = Positives + 5;
    importCodes(db, Pool);
    // The records, and the first lab user's entry on each, made beforehand in this process.
    QHash<QString, QUuid> ids; // by tube
    positivesAwaitingSecondEntry(db, 300, Positives, &ids);
    if (QTest::currentTestFailed())
        return;

    // Three stations enter the second positives at the same time, each one tube after the
    // other: each validated positive takes a code from the one pool of the site.
    QList<std::shared_ptr<QProcess>> stations;
    for (int station = 0; station < Stations; ++station) {
        QString script = u"set -e\n"_s;
        for (int i = 0; i < PerStation; ++i) {
            script += u"printf '%s\\n' \"$PASSWORD\" | \"$SIDEPCTL\" --db \"$DB\" --user lab2 "
                      "--password-stdin result set --value P --tube "_s +
                      tubeOf(300 + station * PerStation + i) + u'\n';
        }
        stations.append(startStation(db, script));
    }
    for (const auto& process : stations)
        process->waitForFinished(120000);
    for (const auto& process : stations) {
        QVERIFY2(process->state() == QProcess::NotRunning &&
                     process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0,
                 process->readAllStandardError().constData());
    }

    // Each positive holds its own code, one of the pool's, and none waits for one.
    Store lab;
    QString error;
    QVERIFY2(lab.open(db, &error), qPrintable(error));
    QVERIFY2(lab.signIn(LabName, password(), &error), qPrintable(error));
    ResultStore results(lab);
    QSet<QString> pool;
    for (int i = 0; i < Pool; ++i)
        pool.insert(u"S%1"_s.arg(i, 5, 10, QLatin1Char('0')));
    QSet<QString> given;
    for (auto it = ids.cbegin(); it != ids.cend(); ++it) {
        ResultStore::Current current;
        QVERIFY2(results.current(it.value(), &current, &error), qPrintable(error));
        QVERIFY2(current.isValidatedPositive(), qPrintable(it.key()));
        QVERIFY2(!current.awaitingActivationCode && !current.activation.code.isEmpty(),
                 qPrintable(it.key() + u": no code"_s));
        QVERIFY2(pool.contains(current.activation.code), qPrintable(current.activation.code));
        QVERIFY2(!given.contains(current.activation.code),
                 qPrintable(current.activation.code + u" given twice"_s));
        given.insert(current.activation.code);
    }
    QCOMPARE(given.size(), Positives);
    // The pool agrees: the codes marked used are the ones the records hold, no more (none
    // lost to a station that failed half-way), and the others are still free.
    const Connection reader(db);
    QVERIFY(reader.isOpen());
    QStringList used =
        reader.rows(u"SELECT raw_code FROM activation_codes WHERE used_by IS NOT NULL"_s);
    QStringList held = given.values();
    used.sort();
    held.sort();
    QCOMPARE(used, held);
    QCOMPARE(reader.rows(u"SELECT count(*) FROM activation_codes WHERE used_by IS NULL"_s),
             QStringList{QString::number(Pool - Positives)});
    const SidepCtlRun audit = as(db, AdminName, {u"audit"_s, u"verify"_s});
    QVERIFY2(audit.code == SidepCtl::Success, qPrintable(audit.all()));

    // What the lab sees of the pool says the same.
    const SidepCtlRun status = as(db, LabName, {u"codes"_s, u"status"_s});
    QVERIFY2(status.code == SidepCtl::Success, qPrintable(status.all()));
    const QStringList said = status.out.split(u'\n');
    for (const QString& expected :
         {u"codes in the pool: %1"_s.arg(Pool), u"used: %1"_s.arg(Positives),
          u"valid now: %1"_s.arg(Pool - Positives), u"positive results waiting for a code: 0"_s})
        QVERIFY2(said.contains(expected), qPrintable(expected + u" not in:\n"_s + status.out));
}

void TestSiteDatabase::twoStationsSyncAndTheServerHoldsEachVersionOnce()
{
    const QString db = siteWithAccounts(u"site_sync"_s);
    QVERIFY(!db.isEmpty());
    constexpr int Records = 24;
    QJsonArray records;
    for (int i = 0; i < Records; ++i)
        records.append(validRecordJson(100 + i));
    const SidepCtlRun added =
        as(db, NurseName, {u"record"_s, u"add"_s, u"-"_s}, QJsonDocument(records).toJson());
    QVERIFY2(added.code == SidepCtl::Success, qPrintable(added.err));

    ServerProcess server;
    QVERIFY(server.makePki());
    QVERIFY(server.start());
    {
        Store admin;
        QString error;
        QVERIFY2(admin.open(db, &error), qPrintable(error));
        QVERIFY2(admin.signIn(AdminName, password(), &error), qPrintable(error));
        QVERIFY2(server.configureWorkstation(admin, &error), qPrintable(error));
    }

    // Two stations start sending at the same moment: one holds the site's sending turn, the
    // other finds it taken and leaves the records to it.
    QList<std::shared_ptr<QProcess>> stations;
    for (int station = 0; station < 2; ++station) {
        auto process = std::make_shared<QProcess>();
        process->start(qEnvironmentVariable("SIDEPCTL"),
                       {u"--db"_s, db, u"--user"_s, LabName, u"--password-stdin"_s, u"sync"_s});
        process->write(line(Password));
        process->closeWriteChannel();
        stations.append(process);
    }
    QStringList said;
    for (const auto& process : stations) {
        QVERIFY(process->waitForFinished(120000));
        const QString output = QString::fromUtf8(process->readAllStandardOutput()) +
                               QString::fromUtf8(process->readAllStandardError());
        QVERIFY2(process->exitStatus() == QProcess::NormalExit &&
                     (process->exitCode() == SidepCtl::Success ||
                      process->exitCode() == SidepCtl::SyncIncomplete),
                 qPrintable(output));
        said.append(output);
    }
    // Whatever the first two left, a last round sends; then nothing waits.
    const SidepCtlRun last = as(db, LabName, {u"sync"_s});
    QVERIFY2(last.code == SidepCtl::Success, qPrintable(said.join(u"\n---\n"_s) + last.all()));

    // The server holds each registration once: none lost, none twice.
    static const QRegularExpression total(u"total\\s+(\\d+)"_s);
    const auto match = total.match(server.run({u"stats"_s, u"--database"_s, server.database()}));
    QVERIFY(match.hasMatch());
    QCOMPARE(match.captured(1).toInt(), Records);
    const SidepCtlRun audit = as(db, AdminName, {u"audit"_s, u"verify"_s});
    QVERIFY2(audit.code == SidepCtl::Success, qPrintable(audit.all()));
}

void TestSiteDatabase::aStationsStoreMovesIntoTheSiteDatabase()
{
    // A standalone station with sampled and resulted records, a purge-free history.
    StoreFixture station;
    QVERIFY(station.isValid());
    addResultedRecords(station, 3);
    QJsonArray sampled{validRecordJson(10), validRecordJson(11)};
    QCOMPARE(as(station.path(), NurseName, {u"record"_s, u"add"_s, u"-"_s},
                QJsonDocument(sampled).toJson())
                 .code,
             int(SidepCtl::Success));
    const QStringList before = tubesListed(station.path());
    QCOMPARE(before.size(), 5);

    const QString site = PostgresTestCluster::freshDatabase(m_clusterUrl, u"site_moved"_s);
    QVERIFY(!site.isEmpty());
    // The site database of another site is refused, naming both FINESS.
    const QString other = PostgresTestCluster::freshDatabase(m_clusterUrl, u"site_other"_s);
    const SidepCtlRun created =
        runSidepCtl({u"--db"_s, other, u"--password-stdin"_s, u"init"_s, u"--site-finess"_s,
                     u"751012345"_s, u"--admin"_s, AdminName},
                    line(Password));
    QVERIFY2(created.code == SidepCtl::Success, qPrintable(created.err));
    const SidepCtlRun foreign = as(station.path(), AdminName, {u"migrate"_s, u"--to"_s, other});
    QCOMPARE_NE(foreign.code, int(SidepCtl::Success));
    QVERIFY2(foreign.err.contains(u"751012345"_s) && foreign.err.contains(SiteFiness),
             qPrintable(foreign.err));
    // A nurse may not move the store; the administrator may.
    const SidepCtlRun nurse = as(station.path(), NurseName, {u"migrate"_s, u"--to"_s, site});
    QCOMPARE_NE(nurse.code, int(SidepCtl::Success));
    const SidepCtlRun moved = as(station.path(), AdminName, {u"migrate"_s, u"--to"_s, site});
    QVERIFY2(moved.code == SidepCtl::Success, qPrintable(moved.all()));
    QVERIFY2(moved.out.contains(u"5 record(s)"_s), qPrintable(moved.out));

    // The same records, passwords, audit chain and store identity, now on the site.
    QStringList after = tubesListed(site);
    QStringList expected = before;
    after.sort();
    expected.sort();
    QCOMPARE(after, expected);
    checksOut(site);
    if (QTest::currentTestFailed())
        return;
    // Work goes on there: a new record, a result on a tube sampled before the move.
    const SidepCtlRun added = as(site, NurseName, {u"record"_s, u"add"_s, u"-"_s},
                                 QJsonDocument(validRecordJson(40)).toJson());
    QVERIFY2(added.code == SidepCtl::Success, qPrintable(added.err));
    QCOMPARE(tubesListed(site).size(), 6);
    // The file points to the site database: nothing is saved into it or moved from it again.
    for (const QStringList& command :
         {QStringList{u"record"_s, u"list"_s}, QStringList{u"migrate"_s, u"--to"_s, site}}) {
        const SidepCtlRun refused = as(station.path(), AdminName, command, line(Password));
        QCOMPARE(refused.code, int(SidepCtl::StoreError));
        QVERIFY2(refused.err.contains(u"moved into the site database"_s) &&
                     refused.err.contains(site),
                 qPrintable(refused.err));
    }
}

void TestSiteDatabase::stationToMerge(StoreFixture& station, const QString& codes,
                                      QHash<QString, QUuid>* ids)
{
    // Resulted records (two versions each for the national server), a positive waiting for
    // its second entry, a positive validated with a code of the delivery `codes` (imported at
    // the site too), a record written before records had keys of their own, a form in
    // progress, an account the site does not have, labels printed beyond the site's.
    const QList<QUuid> resulted = addResultedRecords(station, 2);
    QCOMPARE(resulted.size(), 2);
    ids->insert(tubeOf(0), resulted.at(0));
    ids->insert(tubeOf(1), resulted.at(1));
    auto nurse = station.openAs(NurseName);
    QString error;
    for (int index : {5, 6, 7}) {
        // The test-build switch writes the record as a store from before schema 16 did.
        if (index == 6)
            qputenv("SIDEP_TEST_BEFORE_RECORD_KEYS", "1");
        QList<SamplingRecord> one{validRecord(index)};
        QList<QList<Problem>> problems;
        const bool added = nurse->records()->add(&one, {}, &problems, &error);
        qunsetenv("SIDEP_TEST_BEFORE_RECORD_KEYS");
        QVERIFY2(added, qPrintable(error));
        ids->insert(tubeOf(index), one.first().id);
    }
    QVERIFY2(DraftStore(*nurse).save(QJsonObject{{u"note"_s, u"form in progress"_s}}, &error),
             qPrintable(error));
    qint64 first = 0;
    QVERIFY2(nurse->takeLabelNumbers(500, &first, &error), qPrintable(error));

    auto lab = station.openAs(LabName);
    ResultStore::Entry positive;
    positive.value = u"P"_s;
    ResultStore::Outcome outcome{};
    QList<Problem> problems;
    QVERIFY2(ResultStore(*lab).enter(ids->value(tubeOf(5)), positive, &outcome, &problems, &error),
             qPrintable(error));
    QCOMPARE(outcome, ResultStore::Outcome::AwaitingSecondEntry);
    auto admin = station.openAs(AdminName);
    QVERIFY2(admin->addUser(u"nurse2"_s, Role::Nurse, password(), &error), qPrintable(error));

    const SidepCtlRun imported = as(station.path(), LabName, {u"codes"_s, u"import"_s, codes});
    QVERIFY2(imported.code == SidepCtl::Success, qPrintable(imported.all()));
    QVERIFY2(admin->addUser(SecondLab, Role::Lab, password(), &error), qPrintable(error));
    auto secondLab = station.openAs(SecondLab);
    for (Store* user : {lab.get(), secondLab.get()}) {
        QVERIFY2(
            ResultStore(*user).enter(ids->value(tubeOf(7)), positive, &outcome, &problems, &error),
            qPrintable(error));
    }
    QCOMPARE(outcome, ResultStore::Outcome::Validated);
}

void TestSiteDatabase::mergedRecordsReadAsOnTheStation(StoreFixture& station, const QString& site,
                                                       const QHash<QString, QUuid>& ids)
{
    auto here = station.openAs(NurseName);
    Store there;
    QString error;
    QVERIFY2(there.open(site, &error), qPrintable(error));
    QVERIFY2(there.signIn(NurseName, password(), &error), qPrintable(error));
    for (auto it = ids.cbegin(); it != ids.cend(); ++it) {
        // Found by its label and by a name through the site's keyed hashes, and the same
        // record, block for block.
        QUuid found;
        QVERIFY2(there.records()->findByTube(it.key(), &found, &error), qPrintable(error));
        QCOMPARE(found, it.value());
        SamplingRecord before;
        SamplingRecord after;
        QVERIFY2(here->records()->load(it.value(), &before, &error), qPrintable(error));
        QVERIFY2(there.records()->load(it.value(), &after, &error), qPrintable(error));
        QCOMPARE(after.toJson(), before.toJson());
        RecordStore::Query byName;
        byName.search = before.patient.birthName;
        const QList<RecordStore::Summary> named =
            there.records()->page(byName, 0, 50, false, &error);
        QVERIFY2(std::any_of(named.cbegin(), named.cend(),
                             [&](const RecordStore::Summary& row) { return row.id == found; }),
                 qPrintable(it.key()));
    }
    // The versions for the national server open at the site: two for each resulted record,
    // one for each other; and the form in progress is the nurse's there.
    Outbox outbox(there);
    int merged = 0;
    const QList<Outbox::Entry> due =
        outbox.due(QDateTime::currentDateTimeUtc().addYears(1), 1000, {}, &error);
    for (const Outbox::Entry& entry : due) {
        if (!ids.values().contains(QUuid::fromString(entry.recordId)))
            continue;
        Outbox::Content content;
        QVERIFY2(outbox.content(entry, &content, &error), qPrintable(error));
        ++merged;
    }
    QCOMPARE(merged, 8);
    QJsonObject draft;
    QVERIFY(DraftStore(there).load(&draft));
    QCOMPARE(draft.value(u"note"_s).toString(), u"form in progress"_s);
    bool ok = false;
    QVERIFY(there.metaValue(u"labels.next"_s).toLongLong(&ok) >= 501 && ok);
}

void TestSiteDatabase::aSecondStationMergesIntoTheSiteDatabase()
{
    const QString site = siteWithAccounts(u"site_merge"_s);
    QVERIFY(!site.isEmpty());
    QCOMPARE(as(site, NurseName, {u"record"_s, u"add"_s, u"-"_s},
                QJsonDocument(QJsonArray{validRecordJson(20), validRecordJson(21)}).toJson())
                 .code,
             int(SidepCtl::Success));
    // One delivery of codes imported at both.
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString codes = folder.filePath(u"codes.csv"_s);
    QFile csv(codes);
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write(codesCsv(3));
    csv.close();
    const SidepCtlRun imported = as(site, LabName, {u"codes"_s, u"import"_s, codes});
    QVERIFY2(imported.code == SidepCtl::Success, qPrintable(imported.all()));
    StoreFixture station;
    QVERIFY(station.isValid());
    QHash<QString, QUuid> ids;
    stationToMerge(station, codes, &ids);
    if (QTest::currentTestFailed())
        return;
    const QStringList stationTubes = tubesListed(station.path());
    QCOMPARE(stationTubes.size(), 5);

    const QString copy = folder.filePath(u"copy.db"_s);
    const SidepCtlRun backup = as(station.path(), AdminName, {u"db"_s, u"backup"_s, copy});
    QVERIFY2(backup.code == SidepCtl::Success, qPrintable(backup.all()));

    // A nurse may not merge; the administrator, with the site administrator's password, may.
    const QStringList merge{u"migrate"_s, u"--to"_s, site};
    QCOMPARE_NE(as(station.path(), NurseName, merge, line(Password)).code, int(SidepCtl::Success));
    const SidepCtlRun merged = as(station.path(), AdminName, merge, line(Password));
    QVERIFY2(merged.code == SidepCtl::Success, qPrintable(merged.all()));
    QVERIFY2(merged.out.contains(u"5 record(s), 8 version(s)"_s), qPrintable(merged.out));
    QVERIFY2(merged.out.contains(u"nurse2"_s), qPrintable(merged.out));
    // Record 6, written as before schema 16, is the one that shares a key.
    QVERIFY2(merged.out.contains(u"1 record(s) of this station were written before"_s),
             qPrintable(merged.out));

    QStringList expected = stationTubes + QStringList{tubeOf(20), tubeOf(21)};
    QStringList after = tubesListed(site);
    expected.sort();
    after.sort();
    QCOMPARE(after, expected);
    checksOut(site);
    if (QTest::currentTestFailed())
        return;
    mergedRecordsReadAsOnTheStation(station, site, ids);
    if (QTest::currentTestFailed())
        return;
    // The station's audit entries follow the site's, after the one that names the merge.
    const SidepCtlRun audit = as(site, AdminName, {u"audit"_s, u"list"_s});
    QVERIFY2(audit.out.contains(u"station.merged"_s), qPrintable(audit.out));
    QVERIFY(audit.out.indexOf(u"station.merged"_s) < audit.out.lastIndexOf(u"labels.print"_s));

    // A second lab user at the site enters the positive blind: the first entry, made at the
    // station, was carried, so it validates.
    QCOMPARE(
        as(site, AdminName, {u"user"_s, u"add"_s, SecondLab, u"--role"_s, u"lab"_s}, line(Password))
            .code,
        int(SidepCtl::Success));
    {
        Store lab;
        QString error;
        QVERIFY2(lab.open(site, &error), qPrintable(error));
        QVERIFY2(lab.signIn(SecondLab, password(), &error), qPrintable(error));
        ResultStore results(lab);
        ResultStore::PendingState pending;
        QVERIFY2(results.pendingState(ids.value(tubeOf(5)), &pending, &error), qPrintable(error));
        QCOMPARE(pending.enteredBy, QStringList{LabName});
        ResultStore::Entry positive;
        positive.value = u"P"_s;
        ResultStore::Outcome outcome{};
        QList<Problem> problems;
        QVERIFY2(results.enter(ids.value(tubeOf(5)), positive, &outcome, &problems, &error),
                 qPrintable(error));
        QCOMPARE(outcome, ResultStore::Outcome::Validated);
        // The delivery is held once; the code the station gave is never given again.
        const ActivationCodes::Status status = ActivationCodes(lab).status(7, &error);
        QCOMPARE(status.total, 3);
        QCOMPARE(status.used, 2);
        ResultStore::Current atStation;
        ResultStore::Current atSite;
        QVERIFY2(results.current(ids.value(tubeOf(7)), &atStation, &error), qPrintable(error));
        QVERIFY2(results.current(ids.value(tubeOf(5)), &atSite, &error), qPrintable(error));
        QVERIFY(!atStation.activation.code.isEmpty() && !atSite.activation.code.isEmpty());
        QCOMPARE_NE(atSite.activation.code, atStation.activation.code);
    }

    // Merged again from a copy of the file made before: refused, nothing written. A station
    // with a tube the site already has: refused naming it, nothing written.
    const SidepCtlRun again = as(copy, AdminName, merge, line(Password));
    QCOMPARE_NE(again.code, int(SidepCtl::Success));
    QVERIFY2(again.err.contains(u"already holds this station's records"_s), qPrintable(again.err));
    StoreFixture clash;
    QVERIFY(clash.isValid());
    QCOMPARE(as(clash.path(), NurseName, {u"record"_s, u"add"_s, u"-"_s},
                QJsonDocument(QJsonArray{validRecordJson(30), validRecordJson(20)}).toJson())
                 .code,
             int(SidepCtl::Success));
    const SidepCtlRun clashing = as(clash.path(), AdminName, merge, line(Password));
    QCOMPARE_NE(clashing.code, int(SidepCtl::Success));
    QVERIFY2(clashing.err.contains(tubeOf(20)) && !clashing.err.contains(tubeOf(30)),
             qPrintable(clashing.err));
    QCOMPARE(tubesListed(site).size(), expected.size());
    const SidepCtlRun pointsThere = as(station.path(), NurseName, {u"record"_s, u"list"_s});
    QVERIFY2(pointsThere.code == SidepCtl::StoreError &&
                 pointsThere.err.contains(u"moved into the site database"_s),
             qPrintable(pointsThere.all()));
}

void TestSiteDatabase::aMergedStationsPurgedRecordsStayPurged()
{
    const QString site = siteWithAccounts(u"site_merge_purged"_s);
    QVERIFY(!site.isEmpty());
    // Two records sent, acknowledged and purged after the retention window; their counts of
    // results are all that is left of them.
    StoreFixture station;
    QVERIFY(station.isValid());
    const QList<QUuid> purged = addResultedRecords(station, 2);
    {
        auto lab = station.openAs(LabName);
        const QDateTime t0 =
            QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
        FakeSyncServer server;
        SyncEngine engine(*lab, &server);
        engine.setClock([t0] { return t0; });
        QString error;
        QVERIFY2(engine.retryNow(&error), qPrintable(error));
        while (engine.sendNextBatch()) {
        }
        RecordPurge::Report report;
        QVERIFY2(RecordPurge(*lab).purgeDue(t0.addDays(8), &report, &error), qPrintable(error));
        QCOMPARE(report.records, 2);
    }
    const SidepCtlRun merged =
        as(station.path(), AdminName, {u"migrate"_s, u"--to"_s, site}, line(Password));
    QVERIFY2(merged.code == SidepCtl::Success, qPrintable(merged.all()));
    QVERIFY2(merged.out.contains(u"2 record(s)"_s), qPrintable(merged.out));
    checksOut(site);
    if (QTest::currentTestFailed())
        return;
    // Purged at the site too, and counted in its statistics.
    Store there;
    QString error;
    QVERIFY2(there.open(site, &error), qPrintable(error));
    QVERIFY2(there.signIn(AdminName, password(), &error), qPrintable(error));
    for (const QUuid& id : purged)
        QVERIFY(there.records()->isPurged(id));
    const RecordStore::Statistics statistics = RecordStore::statistics(there, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    int purgedResults = 0;
    for (const RecordStore::ResultCount& count : statistics.purgedResults)
        purgedResults += count.records;
    QCOMPARE(purgedResults, 2);
}

void TestSiteDatabase::aMergedStationsVersionsGoOnceFromTheSite()
{
    ServerProcess server;
    QVERIFY(server.makePki());
    QVERIFY(server.start());
    const QString site = siteWithAccounts(u"site_merge_sync"_s);
    QVERIFY(!site.isEmpty());
    QCOMPARE(as(site, NurseName, {u"record"_s, u"add"_s, u"-"_s},
                QJsonDocument(QJsonArray{validRecordJson(20), validRecordJson(21)}).toJson())
                 .code,
             int(SidepCtl::Success));
    // The station sent its three registrations, then resulted two tubes: two versions wait.
    StoreFixture station;
    QVERIFY(station.isValid());
    const QList<QUuid> ids = addSampledRecords(station, 3);
    QString error;
    for (const QString& db : {station.path(), site}) {
        Store admin;
        QVERIFY2(admin.open(db, &error), qPrintable(error));
        QVERIFY2(admin.signIn(AdminName, password(), &error), qPrintable(error));
        QVERIFY2(server.configureWorkstation(admin, &error), qPrintable(error));
    }
    const SidepCtlRun sent = as(station.path(), LabName, {u"sync"_s});
    QVERIFY2(sent.code == SidepCtl::Success, qPrintable(sent.all()));
    enterResults(station, ids.first(2));

    const SidepCtlRun merged =
        as(station.path(), AdminName, {u"migrate"_s, u"--to"_s, site}, line(Password));
    QVERIFY2(merged.code == SidepCtl::Success, qPrintable(merged.all()));
    // What the station had sent stays sent; what it had not waits at the site with the site's
    // (a record counts as acknowledged once all its versions are).
    const SidepCtlRun before = as(site, LabName, {u"sync"_s, u"status"_s});
    QVERIFY2(before.out.contains(u"waiting: 4 record(s) (4 version(s))"_s) &&
                 before.out.contains(u"acknowledged: 1 record(s) (3 version(s))"_s),
             qPrintable(before.all()));
    const SidepCtlRun fromSite = as(site, LabName, {u"sync"_s});
    QVERIFY2(fromSite.code == SidepCtl::Success, qPrintable(fromSite.all()));
    const SidepCtlRun after = as(site, LabName, {u"sync"_s, u"status"_s});
    QVERIFY2(after.out.contains(u"waiting: 0 record(s) (0 version(s))"_s) &&
                 after.out.contains(u"acknowledged: 5 record(s) (7 version(s))"_s),
             qPrintable(after.all()));
    // The server holds each record once.
    static const QRegularExpression total(u"total\\s+(\\d+)"_s);
    const auto match = total.match(server.run({u"stats"_s, u"--database"_s, server.database()}));
    QVERIFY(match.hasMatch());
    QCOMPARE(match.captured(1).toInt(), 5);
}

void TestSiteDatabase::aDamagedStationIsNotMerged()
{
    const QString site = siteWithAccounts(u"site_merge_damaged"_s);
    QVERIFY(!site.isEmpty());
    // A status edited in the station's file behind the program's back: its hash says so.
    StoreFixture station;
    QVERIFY(station.isValid());
    const QList<QUuid> ids = addSampledRecords(station, 2);
    editFile(station.path(), u"UPDATE records SET status = 'resulted' WHERE id = ?"_s,
             {ids.first().toString(QUuid::WithoutBraces)});

    const SidepCtlRun merged =
        as(station.path(), AdminName, {u"migrate"_s, u"--to"_s, site}, line(Password));
    QCOMPARE(merged.code, int(SidepCtl::StoreError));
    QVERIFY2(merged.err.contains(u"does not check out"_s), qPrintable(merged.err));
    // Nothing reached the site, and the file was not marked: it can be repaired there.
    QVERIFY(tubesListed(site).isEmpty());
    QCOMPARE(tubesListed(station.path()).size(), 2);
}

void TestSiteDatabase::theDatabaseHoldsNoIdentifyingByte()
{
    const QString db = siteWithAccounts(u"site_sealed"_s);
    QVERIFY(!db.isEmpty());
    QJsonArray records;
    for (int i = 0; i < 4; ++i)
        records.append(validRecordJson(i));
    const SidepCtlRun added =
        as(db, NurseName, {u"record"_s, u"add"_s, u"-"_s}, QJsonDocument(records).toJson());
    QVERIFY2(added.code == SidepCtl::Success, qPrintable(added.err));
    QVERIFY(as(db, LabName,
               {u"result"_s, u"set"_s, u"--tube"_s, validRecord(2).specimen.accession, u"--value"_s,
                u"N"_s})
                .code == SidepCtl::Success);

    // What a dump shows: every row of every table as text (bytea in hex).
    Connection reader(db);
    QVERIFY(reader.isOpen());
    const QStringList tables = reader.rows(
        u"SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"_s);
    QVERIFY(tables.contains(u"records"_s));
    QString dump;
    for (const QString& table : tables)
        dump += reader.rows(u"SELECT CAST(t AS text) FROM %1 t"_s.arg(table)).join(u'\n');
    QVERIFY(dump.size() > 1000);
    for (int i = 0; i < 4; ++i) {
        for (const QString& needle : identifyingStrings(i)) {
            QVERIFY2(!dump.contains(needle, Qt::CaseInsensitive), qPrintable(needle));
            const QString hex = QString::fromLatin1(needle.toUtf8().toHex());
            QVERIFY2(!dump.contains(hex, Qt::CaseInsensitive), qPrintable(needle));
        }
    }
}

void TestSiteDatabase::aStationWhoseDatabaseRestartsGoesOn()
{
    const QString db = siteWithAccounts(u"site_restart"_s);
    QVERIFY(!db.isEmpty());
    Store store;
    QString error;
    QVERIFY2(store.open(db, &error), qPrintable(error));
    QVERIFY2(store.signIn(NurseName, password(), &error), qPrintable(error));
    RecordStore records(store);
    QList<Problem> problems;
    SamplingRecord first = validRecord(0);
    QVERIFY2(records.add(&first, {}, &problems, &error), qPrintable(error));

    // The cluster's data folder is beside its URL file: restart it under the station's feet.
    const QString clusterDir =
        QFileInfo(qEnvironmentVariable("SIDEP_TEST_POSTGRES_URL_FILE")).absolutePath();
    QProcess restart;
    restart.start(qEnvironmentVariable("PG_TEST_CLUSTER"), {u"restart"_s, clusterDir});
    QVERIFY(restart.waitForFinished(90000));
    QVERIFY2(restart.exitCode() == 0, restart.readAllStandardError().constData());

    // The first save after the restart finds the connection gone before it wrote anything:
    // it opens a new one and saves. Had it been cut mid-save, it would say so and save
    // nothing. No save is reported that did not happen, and none is lost.
    int saved = 1;
    QStringList refusals;
    for (int i = 1; i <= 3; ++i) {
        QString why;
        SamplingRecord record = validRecord(i);
        if (records.add(&record, {}, &problems, &why))
            ++saved;
        else
            refusals.append(why);
    }
    QVERIFY2(refusals.size() <= 1, qPrintable(refusals.join(u"; "_s)));
    for (const QString& refusal : std::as_const(refusals))
        QVERIFY2(refusal.contains(u"the site database cannot be reached"_s), qPrintable(refusal));
    QCOMPARE(tubesListed(db).size(), saved);
    QVERIFY(saved >= 3);
}

namespace {

// A round of aStationKilledMidSaveLeavesNothingHalfWritten: its batches of records, and how
// the station was killed (for the messages).
struct KilledRound
{
    QString when;
    int round = 0;
    int batches = 0;
    int perBatch = 0;
};

// The shell script of a station saving the round's batches one sidepctl after the other;
// each batch's tubes are appended to batches. Empty if a batch file could not be written.
QString stationSavingBatches(const QTemporaryDir& folder, const KilledRound& killed,
                             QList<QStringList>* batches)
{
    QString script = u"set -e\n"_s;
    for (int batch = 0; batch < killed.batches; ++batch) {
        QJsonArray records;
        QStringList tubes;
        for (int i = 0; i < killed.perBatch; ++i) {
            const int index = 1000 + (killed.round * killed.batches + batch) * killed.perBatch + i;
            records.append(validRecordJson(index));
            tubes.append(tubeOf(index));
        }
        batches->append(tubes);
        const QString file = folder.filePath(u"batch-%1-%2.json"_s.arg(killed.round).arg(batch));
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly))
            return {};
        out.write(QJsonDocument(records).toJson());
        out.close();
        script += u"printf '%s\\n' \"$PASSWORD\" | \"$SIDEPCTL\" --db \"$DB\" --user nurse "
                  "--password-stdin record add '"_s +
                  file + u"'\n"_s;
    }
    return script;
}

// After a kill, from another station: the database is sound, its audit chain holds; every
// record is whole and was audited as it was saved; each batch is there whole or not at all;
// every id a station printed is there; the round's saved records read back as they were
// given.
void checkTheRecordsAfterAKill(Store& other, const KilledRound& killed,
                               const QList<QStringList>& batches, const QSet<QString>& reported)
{
    const QString& when = killed.when;
    const RecordStore::VerifyReport report = other.records()->verify();
    QVERIFY2(report.fileProblems.isEmpty(),
             qPrintable(when + u'\n' + report.fileProblems.join(u'\n')));
    QVERIFY2(report.damaged.isEmpty(), qPrintable(when));
    const QStringList auditProblems = other.auditLog()->verify();
    QVERIFY2(auditProblems.isEmpty(), qPrintable(when + u'\n' + auditProblems.join(u'\n')));

    QString error;
    const QList<RecordStore::Summary> listed = other.records()->list(std::nullopt, &error);
    QVERIFY2(error.isEmpty(), qPrintable(when + u": "_s + error));
    QCOMPARE(report.recordsChecked, int(listed.size()));
    QSet<QUuid> created;
    for (const AuditLog::Entry& entry : other.auditLog()->entries(1, 1000000)) {
        if (entry.action == u"record.create"_s)
            created.insert(QUuid::fromString(entry.recordId));
    }
    QCOMPARE(created.size(), listed.size());
    QHash<QString, QUuid> listedTubes;
    QSet<QUuid> listedIds;
    for (const RecordStore::Summary& summary : listed) {
        QVERIFY2(created.contains(summary.id),
                 qPrintable(when + u": no record.create for "_s + summary.id.toString()));
        listedTubes.insert(summary.accession, summary.id);
        listedIds.insert(summary.id);
    }
    for (const QString& id : std::as_const(reported))
        QVERIFY2(listedIds.contains(QUuid::fromString(id)),
                 qPrintable(when + u": printed but not saved: "_s + id));
    for (const QStringList& tubes : std::as_const(batches)) {
        const auto saved = std::count_if(tubes.cbegin(), tubes.cend(), [&](const QString& tube) {
            return listedTubes.contains(tube);
        });
        QVERIFY2(
            saved == 0 || saved == killed.perBatch,
            qPrintable(when + u": %1 of a batch of %2 saved"_s.arg(saved).arg(killed.perBatch)));
    }
    // The batches of this round that were saved read back as they were given.
    for (int batch = 0; batch < killed.batches; ++batch) {
        for (int i = 0; i < killed.perBatch; ++i) {
            const int index = 1000 + (killed.round * killed.batches + batch) * killed.perBatch + i;
            const auto found = listedTubes.constFind(tubeOf(index));
            if (found == listedTubes.cend())
                continue;
            SamplingRecord record;
            QVERIFY2(other.records()->load(*found, &record, &error),
                     qPrintable(when + u": "_s + error));
            QCOMPARE(record.patient.birthName, identifyingStrings(index).at(0));
        }
    }
}

} // namespace

void TestSiteDatabase::aStationKilledMidSaveLeavesNothingHalfWritten()
{
    const QString db = siteWithAccounts(u"site_killed"_s);
    QVERIFY(!db.isEmpty());
    // Sees, from outside, when a station holds the site's write lock: it writes only then.
    const Connection watcher(db);
    QVERIFY(watcher.isOpen());
    const QString writeLockHeld =
        u"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = "
        "(SELECT oid FROM pg_database WHERE datname = current_database())"_s;
    constexpr int Rounds = 6;
    // A station has far more batches to save than it gets through before it is killed.
    constexpr int Batches = 8;
    constexpr int PerBatch = 25;
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const quint32 seed = QRandomGenerator::global()->generate();
    QRandomGenerator random(seed);
    QList<QStringList> batches; // the tubes of each batch given to a station
    QSet<QString> reported;     // the ids the stations printed: saved, as far as they knew
    int killedHoldingTheLock = 0;
    for (int round = 0; round < Rounds; ++round) {
        const QString script =
            stationSavingBatches(folder, {QString(), round, Batches, PerBatch}, &batches);
        QVERIFY(!script.isEmpty());
        const std::unique_ptr<QProcess> station = startStation(db, script);
        QVERIFY(station->waitForStarted(10000));
        // Should a check below fail, the station's sidepctl goes with its shell.
        const auto stopStation = qScopeGuard([&] {
            if (station->state() != QProcess::NotRunning) {
                ::kill(-pid_t(station->processId()), SIGKILL);
                station->waitForFinished(10000);
            }
        });
        // The kill is drawn from the moment the station is first seen writing: in the middle
        // of a batch, or while the next sidepctl starts and signs in. Every other round it
        // waits, after that, for the station to be writing again: killed in a transaction.
        // A station never seen writing (it writes without the lock?) is killed all the same.
        const bool inATransaction = round % 2 == 1;
        const auto waitUntilWriting = [&] {
            const QDeadlineTimer deadline(3000);
            while (watcher.rows(writeLockHeld).value(0) == u"0"_s &&
                   station->state() == QProcess::Running && !deadline.hasExpired())
                QThread::msleep(1);
        };
        waitUntilWriting();
        const int delayMs = 50 + int(random.bounded(251));
        QThread::msleep(delayMs);
        if (inATransaction)
            waitUntilWriting();
        if (watcher.rows(writeLockHeld).value(0) != u"0"_s)
            ++killedHoldingTheLock;
        QCOMPARE(::kill(-pid_t(station->processId()), SIGKILL), 0);
        QVERIFY(station->waitForFinished(10000));
        const QString when = u"round %1, killed %2 ms after it first wrote%3 (seed %4)"_s.arg(round)
                                 .arg(delayMs)
                                 .arg(inATransaction ? u", then writing again"_s : QString())
                                 .arg(seed);
        // Killed with batches left to save, not after its last one.
        QVERIFY2(station->exitStatus() == QProcess::CrashExit,
                 qPrintable(when + u'\n' + QString::fromUtf8(station->readAllStandardError())));
        for (const QString& id :
             QString::fromLatin1(station->readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts))
            reported.insert(id);

        // Another station opens the site database and finds it whole.
        Store other;
        QString error;
        QVERIFY2(other.open(db, &error), qPrintable(when + u": "_s + error));
        QVERIFY2(other.signIn(NurseName, password(), &error), qPrintable(when + u": "_s + error));
        checkTheRecordsAfterAKill(other, {when, round, Batches, PerBatch}, batches, reported);
        if (QTest::currentTestFailed())
            return;

        // The killed station's connection died with it, and its lock with the connection:
        // a new save goes through at once (a lock left held would make it wait, then fail).
        QElapsedTimer saving;
        saving.start();
        SamplingRecord fresh = validRecord(900000 + round);
        QList<Problem> problems;
        QVERIFY2(other.records()->add(&fresh, {}, &problems, &error),
                 qPrintable(when + u": "_s + error));
        QVERIFY2(saving.elapsed() < 5000, qPrintable(when));
    }
    qInfo("seed %u: %d of %d kills while the station held the site's write lock", seed,
          killedHoldingTheLock, Rounds);

    // What an administrator would run at a station afterwards.
    for (const QStringList& check :
         {QStringList{u"audit"_s, u"verify"_s}, QStringList{u"db"_s, u"verify"_s}}) {
        const SidepCtlRun verified = as(db, AdminName, check);
        QVERIFY2(verified.code == SidepCtl::Success, qPrintable(verified.all()));
    }
}

QTEST_GUILESS_MAIN(TestSiteDatabase)
#include "TestSiteDatabase.moc"
