// A workstation syncing with the real sidep-server over loopback mutual TLS, through
// `sidepctl sync`: everything arrives once, a resend adds nothing, a server that is down
// leaves the records waiting, and they go when it is back; a record registered at sampling
// reaches the server before its result, which follows with its correction and cancellation
// as versions, each once and in order.

#include "FhirBundle.h"
#include "Outbox.h"
#include "RecordStore.h"
#include "ResultStore.h"
#include "ServerProcess.h"
#include "SidepCtl.h"
#include "TestSupport.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;

class TestSyncEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup() { m_server.stop(); }
    void resultsArriveOnceAndResendsAddNothing();
    void serverDownThenBackLosesNothing();
    void versionsFollowTheRecordThroughOutages();

private:
    QString pki(const QString& name) const { return m_server.pki(name); }
    int serverCount();
    // What the server holds of one record, in the order it received it: per Bundle, the
    // version and the status of its ServiceRequest and DiagnosticReport ("" when none).
    struct Held
    {
        QUuid record;
        int version = 0;
        QString order;
        QString report;
        QString orderCode; // the ServiceRequest's LOINC
    };
    QList<Held> serverHolds(const QUuid& record);
    // Runs `sidepctl --db STORE --user lab --password-stdin sync`, in-process.
    int syncAsLab(const QString& store, QString* output);
    void prepareWorkstation(StoreFixture& fixture, int records, quint16 port);

    ServerProcess m_server;
};

void TestSyncEndToEnd::initTestCase()
{
    QVERIFY(m_server.makePki());
}

int TestSyncEndToEnd::serverCount()
{
    static const QRegularExpression total(u"total\\s+(\\d+)"_s);
    const auto match =
        total.match(m_server.run({u"stats"_s, u"--database"_s, m_server.database()}));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

QList<TestSyncEndToEnd::Held> TestSyncEndToEnd::serverHolds(const QUuid& record)
{
    QList<Held> held;
    const QString exported =
        m_server.run({u"export"_s, u"--format"_s, u"fhir"_s, u"--database"_s, m_server.database()});
    for (const QString& line : exported.split(u'\n', Qt::SkipEmptyParts)) {
        const QJsonObject bundle = QJsonDocument::fromJson(line.toUtf8()).object();
        Held one;
        if (!FhirBundle::recordVersion(bundle, &one.record, &one.version))
            return {};
        if (one.record != record)
            continue;
        for (const QJsonValue& entry : bundle.value(u"entry"_s).toArray()) {
            const QJsonObject resource = entry[u"resource"_s].toObject();
            const QString type = resource.value(u"resourceType"_s).toString();
            if (type == u"ServiceRequest"_s) {
                one.order = resource.value(u"status"_s).toString();
                one.orderCode = resource[u"code"_s][u"coding"_s][0][u"code"_s].toString();
            } else if (type == u"DiagnosticReport"_s) {
                one.report = resource.value(u"status"_s).toString();
            }
        }
        held.append(one);
    }
    return held;
}

int TestSyncEndToEnd::syncAsLab(const QString& store, QString* output)
{
    QBuffer input;
    input.setData((Password + u"\n"_s).toUtf8());
    input.open(QIODevice::ReadOnly);
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    SidepCtl sidepctl(&input, &out, &err);
    const int code =
        sidepctl.run({u"--db"_s, store, u"--user"_s, LabName, u"--password-stdin"_s, u"sync"_s});
    *output = QString::fromUtf8(out.data() + err.data());
    return code;
}

void TestSyncEndToEnd::prepareWorkstation(StoreFixture& fixture, int records, quint16 port)
{
    QString error;
    {
        auto admin = fixture.openAs(AdminName);
        QVERIFY2(m_server.configureWorkstation(*admin, &error, port), qPrintable(error));
    }
    auto nurse = fixture.openAs(NurseName);
    QList<SamplingRecord> batch;
    for (int i = 0; i < records; ++i) {
        batch.append(validRecord(i));
        batch.last().id = QUuid::createUuid();
    }
    QList<QList<Problem>> problems;
    QVERIFY(nurse->records()->add(&batch, {}, &problems, &error));
    auto lab = fixture.openAs(LabName);
    ResultStore results(*lab);
    for (const SamplingRecord& record : std::as_const(batch)) {
        ResultStore::Entry entry;
        entry.value = u"N"_s;
        ResultStore::Outcome outcome;
        QList<Problem> entryProblems;
        QVERIFY2(results.enter(record.id, entry, &outcome, &entryProblems, &error),
                 qPrintable(error));
    }
}

void TestSyncEndToEnd::resultsArriveOnceAndResendsAddNothing()
{
    QVERIFY(m_server.start());
    StoreFixture fixture;
    prepareWorkstation(fixture, 120, m_server.port());
    QString output;
    QCOMPARE(syncAsLab(fixture.path(), &output), int(SidepCtl::Success));
    QVERIFY2(output.contains(u"acknowledged: 120"_s), qPrintable(output));
    QCOMPARE(serverCount(), 120);
    // What the run measured: gzip batches of Bundles, a few hundred bytes a version.
    static const QRegularExpression throughput(
        u"throughput: [0-9.,]+ [kMG]?B/s, (\\d+) bytes a version on the wire"_s);
    const QRegularExpressionMatch measured = throughput.match(output);
    QVERIFY2(measured.hasMatch(), qPrintable(output));
    QVERIFY2(measured.captured(1).toInt() > 100 && measured.captured(1).toInt() < 3000,
             qPrintable(output));
    // Sent again (the acknowledgements forgotten, as after restoring a backup): the server
    // recognises every Bundle and stores nothing twice.
    {
        auto lab = fixture.openAs(LabName);
        QString error;
        QVERIFY2(Outbox(*lab).resendLatestVersions(&error), qPrintable(error));
    }
    QCOMPARE(syncAsLab(fixture.path(), &output), int(SidepCtl::Success));
    QVERIFY2(output.contains(u"acknowledged: 120 record(s) (240 version(s))"_s),
             qPrintable(output));
    QCOMPARE(serverCount(), 120);
}

void TestSyncEndToEnd::serverDownThenBackLosesNothing()
{
    // The same port as the first test's server: stopped at once, the workstation sees it down.
    QVERIFY(m_server.start(m_server.port()));
    const quint16 port = m_server.port();
    m_server.stop();
    StoreFixture fixture;
    prepareWorkstation(fixture, 30, port);
    QString output;
    QCOMPARE(syncAsLab(fixture.path(), &output), int(SidepCtl::SyncIncomplete));
    QVERIFY2(output.contains(u"waiting: 30"_s), qPrintable(output));
    // The round stops at its first request (the store's sequence): nothing was sent.
    QVERIFY2(output.contains(u"problem: the server at 127.0.0.1:"_s) &&
                 output.contains(u"refused the connection"_s),
             qPrintable(output));
    QVERIFY(m_server.start(port));
    QCOMPARE(m_server.port(), port);
    QCOMPARE(syncAsLab(fixture.path(), &output), int(SidepCtl::Success));
    QVERIFY2(output.contains(u"acknowledged: 30"_s), qPrintable(output));
    QCOMPARE(serverCount(), 120 + 30);
}

void TestSyncEndToEnd::versionsFollowTheRecordThroughOutages()
{
    // The server is down when the tube is sampled: the registration waits.
    QVERIFY(m_server.start());
    const quint16 port = m_server.port();
    m_server.stop();
    StoreFixture fixture;
    QString error;
    {
        auto admin = fixture.openAs(AdminName);
        QVERIFY2(m_server.configureWorkstation(*admin, &error, port), qPrintable(error));
        QVERIFY2(admin->setSetting(u"site.name"_s, u"Drive CHU Nord"_s, &error), qPrintable(error));
    }
    SamplingRecord record = validRecord(3);
    record.id = QUuid::createUuid();
    {
        auto nurse = fixture.openAs(NurseName);
        QList<Problem> problems;
        QVERIFY2(nurse->records()->add(&record, {}, &problems, &error), qPrintable(error));
    }
    QString output;
    QCOMPARE(syncAsLab(fixture.path(), &output), int(SidepCtl::SyncIncomplete));
    QVERIFY2(output.contains(u"waiting: 1 record(s) (1 version(s))"_s), qPrintable(output));

    // The network is back: the record reaches the server before any result.
    QVERIFY(m_server.start(port));
    const int recordsBefore = serverCount();
    QCOMPARE(syncAsLab(fixture.path(), &output), int(SidepCtl::Success));
    QVERIFY2(output.contains(u"acknowledged: 1 record(s) (1 version(s))"_s), qPrintable(output));
    QList<Held> held = serverHolds(record.id);
    QCOMPARE(held.size(), 1);
    QCOMPARE(held[0].record, record.id);
    QCOMPARE(held[0].version, 1);
    QCOMPARE(held[0].order, u"active"_s);
    QCOMPARE(held[0].report, QString()); // a registration: no result, no report
    m_server.stop();

    // Down again: the result, its correction and the cancellation queue up behind.
    {
        auto lab = fixture.openAs(LabName);
        ResultStore results(*lab);
        ResultStore::Entry entry;
        entry.value = u"N"_s;
        entry.analysis = u"94558-4"_s; // a rapid antigen test
        ResultStore::Outcome outcome;
        QList<Problem> problems;
        QVERIFY2(results.enter(record.id, entry, &outcome, &problems, &error), qPrintable(error));
        entry.value = u"I"_s;
        QVERIFY2(results.correct(record.id, entry, u"inhibited run"_s, &problems, &error),
                 qPrintable(error));
        QVERIFY2(results.cancel(record.id, u"tube of another patient"_s, &error),
                 qPrintable(error));
    }
    QCOMPARE(syncAsLab(fixture.path(), &output), int(SidepCtl::SyncIncomplete));
    QVERIFY2(output.contains(u"waiting: 1 record(s) (3 version(s))"_s), qPrintable(output));

    // Back: each version once, in order; sent again, nothing is added.
    QVERIFY(m_server.start(port));
    QCOMPARE(syncAsLab(fixture.path(), &output), int(SidepCtl::Success));
    QVERIFY2(output.contains(u"acknowledged: 1 record(s) (4 version(s))"_s), qPrintable(output));
    QVERIFY2(output.contains(u"waiting: 0 record(s) (0 version(s))"_s), qPrintable(output));
    held = serverHolds(record.id);
    QCOMPARE(held.size(), 4);
    const QStringList orders{u"active"_s, u"completed"_s, u"completed"_s, u"revoked"_s};
    const QStringList reports{QString(), u"final"_s, u"corrected"_s, u"entered-in-error"_s};
    // The registration orders the default; the result, its correction and the cancellation
    // name the antigen test done (the cancelled result's analysis, from the history).
    const QStringList codes{u"94500-6"_s, u"94558-4"_s, u"94558-4"_s, u"94558-4"_s};
    for (int i = 0; i < held.size(); ++i) {
        QCOMPARE(held[i].record, record.id);
        QCOMPARE(held[i].version, i + 1);
        QCOMPARE(held[i].order, orders[i]);
        QCOMPARE(held[i].report, reports[i]);
        QCOMPARE(held[i].orderCode, codes[i]);
    }
    QCOMPARE(syncAsLab(fixture.path(), &output), int(SidepCtl::Success));
    QCOMPARE(serverHolds(record.id).size(), 4);
    // The site Organization carries the site's name.
    QVERIFY(
        m_server.run({u"export"_s, u"--format"_s, u"fhir"_s, u"--database"_s, m_server.database()})
            .contains(u"\"name\":\"Drive CHU Nord\""_s));
    QCOMPARE(serverCount(), recordsBefore + 1);
}

QTEST_GUILESS_MAIN(TestSyncEndToEnd)
#include "TestSyncEndToEnd.moc"
