// sidep-server on a real PostgreSQL: a throw-away cluster started by the CTest fixture
// (scripts/pg-test-cluster, its URL in $SIDEP_TEST_POSTGRES_URL_FILE). Two instances start
// at once on a fresh database and migrate it once; a duplicate is recognised across
// connections; a dropped connection is reopened; two workstations holding the same records
// sync at the same time through two instances, then resend everything through the other
// one: the server holds each record once, and none is missing.

#include "FhirBundle.h"
#include "Outbox.h"
#include "PostgresTestCluster.h"
#include "RecordStore.h"
#include "ResultStore.h"
#include "ServerDatabase.h"
#include "ServerProcess.h"
#include "StoreIdentity.h"
#include "SyncSettings.h"
#include "TestSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace TestSupport;
using PostgresTestCluster::Connection;

namespace {

// Records both workstations hold (B's store starts as a copy of A's), then each one's own.
constexpr int SharedRecords = 80;
constexpr int OwnRecords = 40;

// `sidep-server serve` on a free port, not waited for: several can start at the same moment.
struct Instance
{
    QProcess process;
    QByteArray output;
    QByteArray log;
};

void startServe(Instance* instance, const ServerProcess& pki, const QString& database)
{
    instance->process.start(qEnvironmentVariable("SIDEP_SERVER"),
                            {u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--cert"_s,
                             pki.pki(u"server.pem"_s), u"--key"_s, pki.pki(u"server.key"_s),
                             u"--client-ca"_s, pki.pki(u"ca.pem"_s), u"--database"_s, database});
}

// Until the instance says it listens (true) or exits (false).
bool waitListening(Instance* instance)
{
    for (int i = 0; i < 300; ++i) {
        instance->output += instance->process.readAllStandardOutput();
        instance->log += instance->process.readAllStandardError();
        if (instance->output.contains("listening on 127.0.0.1:"))
            return true;
        if (instance->process.state() == QProcess::NotRunning)
            break;
        instance->process.waitForReadyRead(100);
    }
    instance->output += instance->process.readAllStandardOutput();
    instance->log += instance->process.readAllStandardError();
    qWarning("sidep-server did not start: %s%s", instance->output.constData(),
             instance->log.constData());
    return false;
}

void stopInstance(Instance* instance)
{
    if (instance->process.state() == QProcess::NotRunning)
        return;
    instance->process.terminate();
    if (!instance->process.waitForFinished(5000)) {
        instance->process.kill();
        instance->process.waitForFinished(5000);
    }
}

} // namespace

class TestServerPostgres : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void instancesStartingTogetherMigrateOnce();
    void insertOfADuplicateIsAlreadyHad();
    void patientKeepsTheNewestSampling();
    void lostConnectionIsReopened();
    void urlParametersReachThePostgresClient();
    void passwordComesFromLibpqNeverFromTheCommandLine();
    void twoWorkstationsThroughTwoInstancesStoreEachRecordOnce();

private:
    // A new empty database on the fixture's cluster (dropped first if a run left it): its URL.
    QString freshDatabase(const QString& name);
    // Configures the store for sync with the demo PKI, through the server on `port`.
    void configureSync(StoreFixture& fixture, quint16 port);
    void setServerPort(StoreFixture& fixture, quint16 port);
    // Records validRecord(first) .. validRecord(first + count - 1), sampled and resulted.
    void addRecords(StoreFixture& fixture, int first, int count, QSet<QString>* bundleIds);
    // Forgets the acknowledgements, as after restoring a backup: the next sync sends each
    // record's latest version again.
    void forgetOutbox(StoreFixture& fixture);
    // `sidepctl sync` as lab on both stores at the same time; their outputs.
    void syncTogether(const QString& database, StoreFixture& a, StoreFixture& b, QString* outputA,
                      QString* outputB);
    int serverCount(ServerProcess& server, const QString& database);

    QString m_url;
    ServerProcess m_pki; // only its demo PKI, made once and shared by every instance
};

void TestServerPostgres::initTestCase()
{
    QString why;
    m_url = PostgresTestCluster::url(&why);
    QVERIFY2(!m_url.isEmpty(), qPrintable(why));
    QVERIFY2(QFile::exists(qEnvironmentVariable("SIDEPCTL")),
             "SIDEPCTL must name the sidepctl executable");
    QVERIFY(m_pki.makePki());
}

QString TestServerPostgres::freshDatabase(const QString& name)
{
    return PostgresTestCluster::freshDatabase(m_url, name);
}

void TestServerPostgres::instancesStartingTogetherMigrateOnce()
{
    // A few rounds, each on a fresh database: the race is one of timing.
    for (int round = 0; round < 3; ++round) {
        const QString database = freshDatabase(u"sidep_start_%1"_s.arg(round));
        QVERIFY(!database.isEmpty());
        Instance first;
        Instance second;
        startServe(&first, m_pki, database);
        startServe(&second, m_pki, database);
        const bool firstListens = waitListening(&first);
        const bool secondListens = waitListening(&second);
        stopInstance(&first);
        stopInstance(&second);
        QVERIFY(firstListens);
        QVERIFY(secondListens);
        // One instance migrated; the other waited for it and found the schema up to date.
        const int migrations = int(first.log.contains("migrated from schema version 0")) +
                               int(second.log.contains("migrated from schema version 0"));
        QCOMPARE(migrations, 1);

        Connection check(database);
        QVERIFY(check.isOpen());
        QStringList expected;
        for (int version = 1; version <= ServerDatabase::SchemaVersion; ++version)
            expected.append(QString::number(version));
        QCOMPARE(check.rows(u"SELECT version FROM schema_version ORDER BY version"_s), expected);
        QCOMPARE(check.rows(u"SELECT COUNT(*) FROM records"_s), QStringList{u"0"_s});
    }
}

void TestServerPostgres::insertOfADuplicateIsAlreadyHad()
{
    const QString url = freshDatabase(u"sidep_unit"_s);
    QVERIFY(!url.isEmpty());
    ServerDatabase first;
    ServerDatabase second; // another connection, as another instance would have
    QString error;
    QVERIFY2(first.open(url, &error), qPrintable(error));
    QVERIFY2(second.open(url, &error), qPrintable(error));
    QVERIFY(first.isPostgres());
    QVERIFY(!first.description().contains(u"@"_s));

    ServerDatabase::Row row;
    row.site = SiteFiness;
    row.bundleId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    row.version = 1;
    row.status = u"sampled"_s; // result_value stays NULL
    row.bundle = u"{\"resourceType\":\"Bundle\"}"_s;
    ServerDatabase::Insert result = ServerDatabase::Insert::AlreadyHad;
    int latest = -1;
    QVERIFY2(first.insert(row, &result, &latest, &error), qPrintable(error));
    QCOMPARE(result, ServerDatabase::Insert::Stored);
    QCOMPARE(latest, 1);
    QVERIFY2(first.insert(row, &result, &latest, &error), qPrintable(error));
    QCOMPARE(result, ServerDatabase::Insert::AlreadyHad);
    QVERIFY2(second.insert(row, &result, &latest, &error), qPrintable(error));
    QCOMPARE(result, ServerDatabase::Insert::AlreadyHad);
    // Another content under the stored version, from either instance: a conflict.
    ServerDatabase::Row changed = row;
    changed.bundle = u"{\"resourceType\":\"Bundle\",\"changed\":true}"_s;
    QVERIFY2(second.insert(changed, &result, &latest, &error), qPrintable(error));
    QCOMPARE(result, ServerDatabase::Insert::Conflict);
    QCOMPARE(latest, 1);
    // The key is all three: a newer version, or the same id from another site, is new. A
    // version may be skipped (one queued before registrations were sent at sampling).
    row.version = 3;
    row.status = u"resulted"_s;
    row.resultValue = u"N"_s;
    QVERIFY2(second.insert(row, &result, &latest, &error), qPrintable(error));
    QCOMPARE(result, ServerDatabase::Insert::Stored);
    // A version older than the stored one, never seen: a conflict, nothing stored.
    changed.version = 2;
    QVERIFY2(first.insert(changed, &result, &latest, &error), qPrintable(error));
    QCOMPARE(result, ServerDatabase::Insert::Conflict);
    QCOMPARE(latest, 3);
    row.site = u"751012345"_s;
    row.version = 1;
    QVERIFY2(first.insert(row, &result, &latest, &error), qPrintable(error));
    QCOMPARE(result, ServerDatabase::Insert::Stored);

    // Two records, each under its latest status; three versions.
    QList<ServerDatabase::Count> counts;
    qint64 versions = 0;
    QVERIFY2(second.counts(&counts, &versions, &error), qPrintable(error));
    QCOMPARE(counts.size(), 2);
    qint64 total = 0;
    for (const ServerDatabase::Count& count : std::as_const(counts)) {
        QCOMPARE(count.status, u"resulted"_s);
        total += count.count;
    }
    QCOMPARE(total, qint64(2));
    QCOMPARE(versions, qint64(3));
    Connection check(url);
    QCOMPARE(check.rows(u"SELECT COUNT(*) FROM records WHERE result_value IS NULL"_s),
             QStringList{u"1"_s});

    // A password in the URL is refused, with where to put it instead, and never repeated.
    ServerDatabase refused;
    QUrl wrong(url);
    wrong.setPassword(u"not-shown-anywhere"_s);
    QVERIFY(!refused.open(wrong.toString(), &error));
    QVERIFY2(!error.contains(u"not-shown-anywhere"_s), qPrintable(error));
    QVERIFY2(error.contains(u".pgpass"_s) && error.contains(u"PGPASSWORD"_s) &&
                 error.contains(u"service"_s),
             qPrintable(error));
    ServerDatabase unreachable;
    QUrl closed(url);
    closed.setPort(1);
    QVERIFY(!unreachable.open(closed.toString(), &error));
    QVERIFY2(error.contains(u"127.0.0.1:1"_s), qPrintable(error));
}

void TestServerPostgres::patientKeepsTheNewestSampling()
{
    // Migration 9 and the register's upsert on PostgreSQL (its rule is tested end to end on
    // SQLite in TestServerPatients).
    const QString url = freshDatabase(u"sidep_patients"_s);
    QVERIFY(!url.isEmpty());
    ServerDatabase first;
    ServerDatabase second; // another instance's connection
    QString error;
    QVERIFY2(first.open(url, &error), qPrintable(error));
    QVERIFY2(second.open(url, &error), qPrintable(error));
    const QString ins = u"urn:oid:1.2.250.1.213.1.4.8|295109912600109"_s;
    auto row = [&](const QString& record, int version, const QString& sampledAt,
                   const QString& phone) {
        return ServerDatabase::PatientRow{
            ins, sampledAt, SiteFiness, record, version, {}, u"{\"telecom\":\"%1\"}"_s.arg(phone)};
    };
    const QString march = u"2026-03-10T08:00:00.000Z"_s;
    const QString june = u"2026-06-10T08:00:00.000Z"_s;
    bool written = false;
    QVERIFY2(first.keepPatient(row(u"june"_s, 1, june, u"J"_s), &written, &error),
             qPrintable(error));
    QVERIFY(written);
    // Older sampling, from another instance: not written.
    QVERIFY2(second.keepPatient(row(u"march"_s, 1, march, u"M"_s), &written, &error),
             qPrintable(error));
    QVERIFY(!written);
    QVERIFY2(second.keepPatient(row(u"march"_s, 2, march, u"M2"_s), &written, &error),
             qPrintable(error));
    QVERIFY(!written);
    // The same sampling, a later version of the kept record: written.
    QVERIFY2(second.keepPatient(row(u"june"_s, 2, june, u"J2"_s), &written, &error),
             qPrintable(error));
    QVERIFY(written);
    ServerDatabase::PatientRow kept;
    bool found = false;
    QVERIFY2(first.patient(ins, &kept, &found, &error), qPrintable(error));
    QVERIFY(found);
    QCOMPARE(kept.bundleId, u"june"_s);
    QCOMPARE(kept.version, 2);
    QCOMPARE(kept.sampledAt, june);
    QCOMPARE(kept.patient, u"{\"telecom\":\"J2\"}"_s);
    QVERIFY(!kept.receivedAt.isEmpty());
    QVERIFY2(first.patient(u"urn:oid:1.2.250.1.213.1.4.8|nobody"_s, &kept, &found, &error),
             qPrintable(error));
    QVERIFY(!found);
    Connection check(url);
    QCOMPARE(check.rows(u"SELECT COUNT(*) FROM patients"_s), QStringList{u"1"_s});
}

void TestServerPostgres::lostConnectionIsReopened()
{
    // What a PostgreSQL restart or fail-over does to a running server: its connection
    // dropped. The next call reconnects instead of failing until the server is restarted.
    const QString url = freshDatabase(u"sidep_reconnect"_s);
    QVERIFY(!url.isEmpty());
    ServerDatabase database;
    QString error;
    QVERIFY2(database.open(url, &error), qPrintable(error));
    Connection admin(url);
    QVERIFY(admin.isOpen());
    const QString dropOthers = u"SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                               "WHERE datname = current_database() AND pid <> pg_backend_pid()"_s;

    ServerDatabase::Row row;
    row.site = SiteFiness;
    row.version = 1;
    row.status = u"sampled"_s;
    row.bundle = u"{\"resourceType\":\"Bundle\"}"_s;
    ServerDatabase::Insert result = ServerDatabase::Insert::AlreadyHad;
    int latest = 0;
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(admin.rows(dropOthers), QStringList{u"1"_s});
        row.bundleId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY2(database.insert(row, &result, &latest, &error), qPrintable(error));
        QCOMPARE(result, ServerDatabase::Insert::Stored);
    }
    QVERIFY2(database.insert(row, &result, &latest, &error), qPrintable(error));
    QCOMPARE(result, ServerDatabase::Insert::AlreadyHad);

    QCOMPARE(admin.rows(dropOthers), QStringList{u"1"_s});
    QList<ServerDatabase::Count> counts;
    qint64 versions = 0;
    QVERIFY2(database.counts(&counts, &versions, &error), qPrintable(error));
    QCOMPARE(counts.size(), 1);
    QCOMPARE(counts.first().count, qint64(3));

    QCOMPARE(admin.rows(dropOthers), QStringList{u"1"_s});
    int bundles = 0;
    QVERIFY2(database.forEachBundle(
                 [&bundles](const QString&) {
                     ++bundles;
                     return true;
                 },
                 &error),
             qPrintable(error));
    QCOMPARE(bundles, 3);
}

void TestServerPostgres::urlParametersReachThePostgresClient()
{
    const QString url = freshDatabase(u"sidep_options"_s);
    QVERIFY(!url.isEmpty());
    QString error;
    {
        // What the URL asks for is what the connection has.
        ServerDatabase database;
        QVERIFY2(
            database.open(url + u"?application_name=sidep-options-test&sslmode=disable"_s, &error),
            qPrintable(error));
        QVERIFY2(database.description().endsWith(
                     u"?application_name=sidep-options-test&sslmode=disable"_s),
                 qPrintable(database.description()));
        Connection check(url);
        QCOMPARE(check.rows(u"SELECT count(*) FROM pg_stat_activity "
                            "WHERE application_name = 'sidep-options-test'"_s),
                 QStringList{u"1"_s});
    }
    // TLS asked of a cluster that has none: refused, not silently in clear.
    ServerDatabase withTls;
    QVERIFY(!withTls.open(url + u"?sslmode=require"_s, &error));
    QVERIFY2(error.contains(u"SSL"_s, Qt::CaseInsensitive), qPrintable(error));
    // Unknown parameters and unsafe values are named, not ignored.
    ServerDatabase unknown;
    QVERIFY(!unknown.open(url + u"?sslmod=require"_s, &error));
    QVERIFY2(error.contains(u"sslmod:"_s) && error.contains(u"sslmode"_s), qPrintable(error));
    ServerDatabase password;
    QVERIFY(!password.open(url + u"?password=secret"_s, &error));
    QVERIFY2(error.contains(u"password"_s) && !error.contains(u"secret"_s), qPrintable(error));
    ServerDatabase unsafe;
    QVERIFY(!unsafe.open(url + u"?application_name=a%20b"_s, &error));
    QVERIFY2(error.contains(u"application_name"_s) && error.contains(u"spaces"_s),
             qPrintable(error));
}

void TestServerPostgres::passwordComesFromLibpqNeverFromTheCommandLine()
{
    // A role that must give its password (pg-test-cluster asks it of sidep_password only).
    const QString secret = u"pw-from-the-password-file"_s;
    {
        Connection admin(m_url);
        QVERIFY(admin.exec(u"DROP DATABASE IF EXISTS sidep_password_db WITH (FORCE)"_s));
        QVERIFY(admin.exec(u"DROP ROLE IF EXISTS sidep_password"_s));
        QVERIFY(admin.exec(u"CREATE ROLE sidep_password LOGIN PASSWORD '%1'"_s.arg(secret)));
        QVERIFY(admin.exec(u"CREATE DATABASE sidep_password_db OWNER sidep_password"_s));
    }
    QUrl url(m_url);
    url.setUserName(u"sidep_password"_s);
    url.setPath(u"/sidep_password_db"_s);
    QTemporaryDir dir;
    const QString passfile = dir.filePath(u"pgpass"_s);
    const QString missing = dir.filePath(u"none"_s);
    const QByteArray savedPassword = qgetenv("PGPASSWORD");
    qunsetenv("PGPASSWORD");
    QString error;
    // No password anywhere: refused by PostgreSQL, so the checks below mean something.
    qputenv("PGPASSFILE", missing.toUtf8());
    {
        ServerDatabase none;
        QVERIFY(!none.open(url.toString(), &error));
        QVERIFY2(error.contains(u"password"_s), qPrintable(error));
    }
    // libpq's password file, named by PGPASSFILE, read by libpq itself.
    QFile file(passfile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(u"127.0.0.1:%1:sidep_password_db:sidep_password:%2\n"_s.arg(url.port())
                   .arg(secret)
                   .toUtf8());
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    qputenv("PGPASSFILE", passfile.toUtf8());
    {
        ServerDatabase fromFile;
        QVERIFY2(fromFile.open(url.toString(), &error), qPrintable(error));
        QVERIFY(!fromFile.description().contains(secret));
    }
    // The same file named in the URL (libpq's passfile parameter).
    qputenv("PGPASSFILE", missing.toUtf8());
    {
        ServerDatabase named;
        QVERIFY2(named.open(url.toString() + u"?passfile="_s + passfile, &error),
                 qPrintable(error));
    }
    // And `serve` with it: the password is nowhere in the process's command line.
    Instance instance;
    instance.process.setProcessEnvironment([&] {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"PGPASSFILE"_s, passfile);
        return environment;
    }());
    startServe(&instance, m_pki, url.toString());
    const bool listening = waitListening(&instance);
    QFile commandLine(u"/proc/%1/cmdline"_s.arg(instance.process.processId()));
    const QByteArray arguments =
        commandLine.open(QIODevice::ReadOnly) ? commandLine.readAll() : QByteArray();
    stopInstance(&instance);
    QVERIFY2(listening, instance.log.constData());
    QVERIFY(arguments.contains("sidep_password_db"));
    QVERIFY(!arguments.contains(secret.toUtf8()));
    // A password in the URL: refused, saying where it goes instead.
    url.setPassword(secret);
    ServerDatabase inUrl;
    QVERIFY(!inUrl.open(url.toString(), &error));
    QVERIFY2(error.contains(u"PGPASSFILE"_s) && !error.contains(secret), qPrintable(error));
    qunsetenv("PGPASSFILE");
    if (!savedPassword.isEmpty())
        qputenv("PGPASSWORD", savedPassword);
}

void TestServerPostgres::configureSync(StoreFixture& fixture, quint16 port)
{
    auto admin = fixture.openAs(AdminName);
    QVERIFY(admin);
    QString error;
    QVERIFY2(m_pki.configureWorkstation(*admin, &error, port), qPrintable(error));
}

void TestServerPostgres::setServerPort(StoreFixture& fixture, quint16 port)
{
    auto admin = fixture.openAs(AdminName);
    QVERIFY(admin);
    QString error;
    QVERIFY2(SyncSettings(*admin).setServerUrl(u"https://127.0.0.1:%1"_s.arg(port), &error),
             qPrintable(error));
}

void TestServerPostgres::addRecords(StoreFixture& fixture, int first, int count,
                                    QSet<QString>* bundleIds)
{
    QList<SamplingRecord> batch;
    for (int i = first; i < first + count; ++i) {
        batch.append(validRecord(i));
        batch.last().id = QUuid::createUuid();
        bundleIds->insert(batch.last().id.toString(QUuid::WithoutBraces));
    }
    QString error;
    {
        auto nurse = fixture.openAs(NurseName);
        QVERIFY(nurse);
        QList<QList<Problem>> problems;
        QVERIFY2(nurse->records()->add(&batch, {}, &problems, &error), qPrintable(error));
    }
    auto lab = fixture.openAs(LabName);
    QVERIFY(lab);
    ResultStore results(*lab);
    for (const SamplingRecord& record : std::as_const(batch)) {
        ResultStore::Entry entry;
        entry.value = u"N"_s;
        ResultStore::Outcome outcome;
        QList<Problem> problems;
        QVERIFY2(results.enter(record.id, entry, &outcome, &problems, &error), qPrintable(error));
    }
}

void TestServerPostgres::forgetOutbox(StoreFixture& fixture)
{
    auto lab = fixture.openAs(LabName);
    QVERIFY(lab);
    QString error;
    // The latest version of each record waits again (the earlier ones kept no copy once
    // acknowledged, as in a backup taken after the sync).
    QVERIFY2(Outbox(*lab).resendLatestVersions(&error), qPrintable(error));
}

void TestServerPostgres::syncTogether(const QString& database, StoreFixture& a, StoreFixture& b,
                                      QString* outputA, QString* outputB)
{
    // A barrier in the database: the test holds a lock that lets nothing touch the records,
    // starts both syncs, waits until both instances are blocked on their first statement
    // (the version check, a read, which is all a replay needs), then lets them go at the
    // same moment. Left to themselves, one small sync would be over before the other began.
    Connection barrier(database);
    QVERIFY(barrier.isOpen());
    QVERIFY(barrier.exec(u"BEGIN"_s));
    QVERIFY(barrier.exec(u"LOCK TABLE records IN ACCESS EXCLUSIVE MODE"_s));

    QProcess syncA;
    QProcess syncB;
    syncA.setProcessChannelMode(QProcess::MergedChannels);
    syncB.setProcessChannelMode(QProcess::MergedChannels);
    const QString sidepctl = qEnvironmentVariable("SIDEPCTL");
    for (auto [process, fixture] : {std::pair{&syncA, &a}, std::pair{&syncB, &b}}) {
        process->start(sidepctl, {u"--db"_s, fixture->path(), u"--user"_s, LabName,
                                  u"--password-stdin"_s, u"sync"_s});
    }
    for (QProcess* process : {&syncA, &syncB}) {
        QVERIFY(process->waitForStarted(10000));
        process->write((Password + u'\n').toUtf8());
        process->closeWriteChannel();
    }
    // Watched from another connection: inside the barrier's transaction, pg_stat_activity
    // would show the same snapshot each time.
    Connection watch(database);
    QTRY_COMPARE_WITH_TIMEOUT(watch.rows(u"SELECT COUNT(*) FROM pg_stat_activity "
                                         "WHERE datname = current_database() "
                                         "AND wait_event_type = 'Lock'"_s),
                              QStringList{u"2"_s}, 60000);
    QVERIFY(barrier.exec(u"ROLLBACK"_s));

    for (QProcess* process : {&syncA, &syncB}) {
        if (!process->waitForFinished(120000))
            process->kill();
    }
    *outputA = QString::fromUtf8(syncA.readAll());
    *outputB = QString::fromUtf8(syncB.readAll());
    QVERIFY2(syncA.exitStatus() == QProcess::NormalExit && syncA.exitCode() == 0,
             qPrintable(*outputA));
    QVERIFY2(syncB.exitStatus() == QProcess::NormalExit && syncB.exitCode() == 0,
             qPrintable(*outputB));
}

int TestServerPostgres::serverCount(ServerProcess& server, const QString& database)
{
    static const QRegularExpression total(u"total\\s+(\\d+)"_s);
    const auto match = total.match(server.run({u"stats"_s, u"--database"_s, database}));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

void TestServerPostgres::twoWorkstationsThroughTwoInstancesStoreEachRecordOnce()
{
    const QString database = freshDatabase(u"sidep_sync"_s);
    QVERIFY(!database.isEmpty());
    ServerProcess one;
    ServerProcess two;
    one.sharePkiWith(m_pki);
    two.sharePkiWith(m_pki);
    one.setDatabase(database);
    two.setDatabase(database);
    QVERIFY(one.start());
    QVERIFY(two.start());

    // Workstation A: the shared records; B starts as a copy of A's store (same site, same
    // records), then each adds its own.
    QSet<QString> shared;
    QSet<QString> ownA;
    QSet<QString> ownB;
    StoreFixture a;
    StoreFixture b;
    QVERIFY(a.isValid());
    QVERIFY(b.isValid());
    configureSync(a, one.port());
    addRecords(a, 0, SharedRecords, &shared);
    if (QTest::currentTestFailed())
        return;
    for (const QString& suffix : {u""_s, u"-wal"_s, u"-shm"_s}) {
        QFile::remove(b.path() + suffix);
        if (QFile::exists(a.path() + suffix) && suffix != u"-shm"_s)
            QVERIFY(QFile::copy(a.path() + suffix, b.path() + suffix));
    }
    {
        // Another workstation, not A put back in time: its own identity for the server.
        auto admin = b.openAs(AdminName);
        QString error;
        QVERIFY2(StoreIdentity::renew(*admin, u"a copy made for a second workstation"_s, &error),
                 qPrintable(error));
    }
    setServerPort(b, two.port());
    addRecords(a, SharedRecords, OwnRecords, &ownA);
    addRecords(b, SharedRecords + OwnRecords, OwnRecords, &ownB);
    if (QTest::currentTestFailed())
        return;
    const QSet<QString> all = QSet<QString>(shared).unite(ownA).unite(ownB);
    QCOMPARE(all.size(), SharedRecords + 2 * OwnRecords);

    // A through instance one, B through instance two, at the same time: the shared records
    // reach the database by both instances at once.
    const QString acknowledged = u"acknowledged: %1"_s.arg(SharedRecords + OwnRecords);
    QString outputA;
    QString outputB;
    syncTogether(database, a, b, &outputA, &outputB);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(outputA.contains(acknowledged), qPrintable(outputA));
    QVERIFY2(outputB.contains(acknowledged), qPrintable(outputB));
    QCOMPARE(serverCount(one, database), int(all.size()));

    // Everything again, each through the other instance, again at the same time, after the
    // database dropped the instances' connections as a PostgreSQL restart would.
    {
        Connection admin(database);
        QCOMPARE(admin.rows(u"SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                            "WHERE datname = current_database() AND pid <> pg_backend_pid()"_s),
                 QStringList{u"2"_s});
    }
    forgetOutbox(a);
    forgetOutbox(b);
    setServerPort(a, two.port());
    setServerPort(b, one.port());
    if (QTest::currentTestFailed())
        return;
    syncTogether(database, a, b, &outputA, &outputB);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(outputA.contains(acknowledged), qPrintable(outputA));
    QVERIFY2(outputB.contains(acknowledged), qPrintable(outputB));

    // Exactly the union, each (site, bundle, version) once: a registration and a result.
    QCOMPARE(serverCount(two, database), int(all.size()));
    Connection check(database);
    QVERIFY(check.isOpen());
    QCOMPARE(check.rows(u"SELECT COUNT(*), COUNT(DISTINCT (site, bundle_id, version)) "
                        "FROM records"_s),
             QStringList{u"%1|%1"_s.arg(2 * all.size())});
    const QStringList stored = check.rows(u"SELECT bundle_id FROM records"_s);
    QCOMPARE(QSet<QString>(stored.cbegin(), stored.cend()), all);
    QCOMPARE(check.rows(u"SELECT DISTINCT site FROM records"_s), QStringList{SiteFiness});

    const QStringList lines =
        one.run({u"export"_s, u"--format"_s, u"fhir"_s, u"--database"_s, database})
            .split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2 * all.size());
    QSet<QString> exported;
    for (const QString& line : lines) {
        SamplingRecord record;
        QString site;
        QList<Problem> problems;
        QVERIFY(FhirBundle::parse(QJsonDocument::fromJson(line.toUtf8()).object(), &record, &site,
                                  &problems));
        QCOMPARE(site, SiteFiness);
        exported.insert(record.id.toString(QUuid::WithoutBraces));
    }
    QCOMPARE(exported, all);
}

QTEST_GUILESS_MAIN(TestServerPostgres)
#include "TestServerPostgres.moc"
