// A workstation syncing with the real sidep-server over loopback mutual TLS, through
// `sidepctl sync`: everything arrives once, a resend adds nothing, a server that is down
// leaves the records waiting, and they go when it is back.

#include "RecordStore.h"
#include "ResultStore.h"
#include "ServerProcess.h"
#include "SidepCtl.h"
#include "TestSupport.h"

#include <QBuffer>
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

private:
    QString pki(const QString& name) const { return m_server.pki(name); }
    int serverCount();
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
    // Sent again (the acknowledgements forgotten, as after restoring a backup): the server
    // recognises every Bundle and stores nothing twice.
    {
        auto lab = fixture.openAs(LabName);
        QString error;
        QVERIFY(lab->database().execDirect(
            u"UPDATE outbox SET state = 'waiting', acknowledged_at = NULL WHERE version = "
            "(SELECT version FROM records r WHERE r.id = outbox.record_id)"_s,
            &error));
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
    QVERIFY2(output.contains(u"last error"_s), qPrintable(output));
    QVERIFY(m_server.start(port));
    QCOMPARE(m_server.port(), port);
    QCOMPARE(syncAsLab(fixture.path(), &output), int(SidepCtl::Success));
    QVERIFY2(output.contains(u"acknowledged: 30"_s), qPrintable(output));
    QCOMPARE(serverCount(), 120 + 30);
}

QTEST_GUILESS_MAIN(TestSyncEndToEnd)
#include "TestSyncEndToEnd.moc"
