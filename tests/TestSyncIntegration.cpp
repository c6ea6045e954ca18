// The sync engine against the real sidep-server over loopback mutual TLS, with the server's
// faults on demand (SIDEP_SERVER_FAULTS, server/FaultInjection): 500s then recovery, 429
// and its Retry-After, a connection cut before and after the server stored a batch, a server
// slower than the client's timeout, each kind of certificate the workstation must refuse
// (and the plain words it says why), 1,000 records pushed twice, and a `sidepctl sync`
// process killed while it sends. Whatever happens, the server ends with each record once.

#include "FhirBundle.h"
#include "Gzip.h"
#include "HttpsTransport.h"
#include "Outbox.h"
#include "ServerProcess.h"
#include "Store.h"
#include "SyncEngine.h"
#include "SyncSettings.h"
#include "TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <memory>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

// Qt 6.4's HTTP layer sends a request again on its own, even a POST, when the connection
// closes before any answer: up to three times after a success on the connection. A cut
// reaches the engine only when all four attempts are cut.
constexpr int QtAttemptsPerPost = 4;

// QNetworkAccessManager opens at most six connections to one server; requests beyond wait
// in its queue for one to free.
constexpr int QtConnectionsPerServer = 6;

// A workstation: a store with resulted records, configured for the server, and its engine
// on a clock the test moves (backoffs pass without waiting).
struct Workstation
{
    StoreFixture fixture;
    std::unique_ptr<Store> lab;
    QUrl url;
    QSslConfiguration tls;
    std::unique_ptr<HttpsTransport> transport;
    std::unique_ptr<SyncEngine> engine;
    QDateTime now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);

    // A transport with this TLS configuration (the store's own by default) and a new engine.
    void useTls(const QSslConfiguration& configuration)
    {
        engine.reset();
        transport = std::make_unique<HttpsTransport>(url, configuration);
        engine = std::make_unique<SyncEngine>(*lab, transport.get());
        engine->setClock([this] { return now; });
    }
};

enum class Batch
{
    NothingDue,
    Finished,
    TimedOut,
};

// One batch to its end (the answer, or the network's verdict).
Batch sendBatch(SyncEngine& engine)
{
    QSignalSpy finished(&engine, &SyncEngine::batchFinished);
    if (!engine.sendNextBatch())
        return Batch::NothingDue;
    if (finished.isEmpty() && !finished.wait(30000))
        return Batch::TimedOut;
    return Batch::Finished;
}

// Every due batch; false if one never finished.
bool sendAllDue(SyncEngine& engine)
{
    for (;;) {
        switch (sendBatch(engine)) {
        case Batch::NothingDue:
            return true;
        case Batch::TimedOut:
            return false;
        case Batch::Finished:
            break;
        }
    }
}

// A national server in this process, over TLS with the demo server certificate, that keeps
// each request as it came off the wire and answers it: at once, in small pieces over
// seconds (a slow link, still moving), or half of it and then nothing (a stalled link).
class WireServer : public QObject
{
public:
    enum class Pace
    {
        AtOnce,
        Dribble,
        Stall,
    };
    Pace pace = Pace::AtOnce;
    int pieces = 30;          // Dribble: the answer in this many writes...
    int pieceEveryMs = 200;   // ...this far apart
    QList<QByteArray> heads;  // each request's head, as received
    QList<QByteArray> bodies; // each request's body, as received

    bool listen(const QString& pkiDir)
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(QSslCertificate::fromPath(pkiDir + u"/server.pem"_s));
        QFile key(pkiDir + u"/server.key"_s);
        if (!key.open(QIODevice::ReadOnly))
            return false;
        tls.setPrivateKey(QSslKey(&key, QSsl::Ec));
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_server.setSslConfiguration(tls);
        connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
            while (auto* socket = qobject_cast<QSslSocket*>(m_server.nextPendingConnection()))
                serve(socket);
        });
        return m_server.listen(QHostAddress::LocalHost);
    }
    quint16 port() const { return m_server.serverPort(); }

private:
    void serve(QSslSocket* socket)
    {
        socket->setParent(this);
        auto received = std::make_shared<QByteArray>();
        connect(socket, &QSslSocket::readyRead, socket, [this, socket, received] {
            *received += socket->readAll();
            const qsizetype end = received->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = received->left(end).toLower();
            const qsizetype at = head.indexOf("content-length:");
            const qsizetype length =
                at < 0 ? 0
                       : head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
            if (received->size() < end + 4 + length)
                return;
            heads.append(head);
            bodies.append(received->mid(end + 4, length));
            received->remove(0, end + 4 + length);
            answer(socket, bodies.last(), head.contains("content-encoding: gzip"));
        });
    }

    void answer(QSslSocket* socket, const QByteArray& body, bool gzip)
    {
        QByteArray plain = body;
        if (gzip && Gzip::inflate(body, 64 * 1024 * 1024, &plain) != Gzip::Status::Ok)
            plain.clear();
        QJsonArray results;
        for (const QJsonValue& bundle :
             QJsonDocument::fromJson(plain).object().value(u"bundles"_s).toArray()) {
            QUuid record;
            int version = 0;
            FhirBundle::recordVersion(bundle.toObject(), &record, &version);
            results.append(QJsonObject{
                {u"bundleId"_s, QString(u"urn:uuid:"_s + record.toString(QUuid::WithoutBraces))},
                {u"version"_s, version},
                {u"outcome"_s, u"accepted"_s},
                {u"status"_s, 201}});
        }
        const QByteArray json = QJsonDocument(QJsonObject{{u"results"_s, results}}).toJson();
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(json.size()) + "\r\n\r\n");
        switch (pace) {
        case Pace::AtOnce:
            socket->write(json);
            return;
        case Pace::Stall:
            socket->write(json.left(json.size() / 2));
            return;
        case Pace::Dribble:
            break;
        }
        // One timer for the pieces, in order: thirty single shots of coarse timers (5 %
        // early or late) can overtake one another and scramble the answer.
        const qsizetype piece = (json.size() + pieces - 1) / pieces;
        auto* next = new QTimer(socket);
        next->setTimerType(Qt::PreciseTimer);
        next->setInterval(pieceEveryMs);
        connect(next, &QTimer::timeout, socket, [socket, next, json, piece, written = 0]() mutable {
            socket->write(json.mid(written, piece));
            written += piece;
            if (written >= json.size())
                next->stop();
        });
        next->start();
    }

    QSslServer m_server;
};

} // namespace

class TestSyncIntegration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup() { m_server.stop(); }

    void serverErrorsAreRetriedAfterBackoff();
    void throttlingHonoursRetryAfter();
    void cutConnection_data();
    void cutConnection();
    void slowServerTimesOutThenSends();
    void batchesGoGzipCompressed();
    void batchesLeaveWithoutWaitingForAcknowledgements();
    void aSlowTransferStillMovingIsNotCutAStalledOneIs();
    void refusedConnections_data();
    void refusedConnections();
    void serverDownIsSaidSo();
    void noCommonTlsVersionIsSaidSo();
    void thousandRecordsTwiceAndACrashStoreThemOnce();

private:
    QString pki(const QString& name) const { return m_server.pki(name); }
    // The server on a fresh database, with this certificate (a demo-pki name) and the faults
    // file; empty faults: a normal server.
    bool startServer(const QString& certificate = u"server"_s);
    void setFaults(const QStringList& lines);
    QString faults() const;
    qint64 serverCount();
    // A store with `records` sampled records, set up for the server on `port` (host
    // 127.0.0.1), with an engine.
    void prepare(Workstation& workstation, int records, quint16 port);
    // `wire` listening, and a workstation with 20 records that sent them to it in one
    // batch, acknowledged.
    void sendTwentyRecordsTo(WireServer& wire, Workstation& workstation);

    ServerProcess m_server;
    QTemporaryDir m_dir;
    int m_databases = 0;
};

void TestSyncIntegration::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.makePki({u"--test-certs"_s}));
    m_server.setEnvironmentVariable(u"SIDEP_SERVER_FAULTS"_s, m_dir.filePath(u"faults"_s));
    // The server's warnings (the faults it serves) without a line per record.
    m_server.setEnvironmentVariable(u"QT_LOGGING_RULES"_s, u"sidep.server.info=false"_s);
}

bool TestSyncIntegration::startServer(const QString& certificate)
{
    setFaults({});
    m_server.setDatabase(u"sqlite://"_s + m_dir.filePath(u"server-%1.sqlite"_s.arg(++m_databases)));
    return m_server.start(
        0, {u"--cert"_s, pki(certificate + u".pem"_s), u"--key"_s, pki(certificate + u".key"_s)});
}

void TestSyncIntegration::setFaults(const QStringList& lines)
{
    QSaveFile file(m_dir.filePath(u"faults"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(lines.isEmpty() ? QByteArray() : (lines.join(u'\n') + u'\n').toUtf8()) >= 0);
    QVERIFY(file.commit());
}

QString TestSyncIntegration::faults() const
{
    QFile file(m_dir.filePath(u"faults"_s));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

qint64 TestSyncIntegration::serverCount()
{
    static const QRegularExpression total(u"total\\s+(\\d+)"_s);
    const auto match =
        total.match(m_server.run({u"stats"_s, u"--database"_s, m_server.database()}));
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

void TestSyncIntegration::prepare(Workstation& workstation, int records, quint16 port)
{
    QVERIFY(workstation.fixture.isValid());
    // Samples as registered at sampling (one version each): what these tests push through
    // faults; the later versions travel the same way (TestSyncVersions).
    addSampledRecords(workstation.fixture, records);
    QString error;
    {
        auto admin = workstation.fixture.openAs(AdminName);
        QVERIFY2(m_server.configureWorkstation(*admin, &error, port), qPrintable(error));
    }
    workstation.lab = workstation.fixture.openAs(LabName);
    QVERIFY(workstation.lab);
    QVERIFY2(SyncSettings(*workstation.lab).load(&workstation.tls, &workstation.url, &error),
             qPrintable(error));
    workstation.useTls(workstation.tls);
}

void TestSyncIntegration::sendTwentyRecordsTo(WireServer& wire, Workstation& workstation)
{
    QVERIFY(wire.listen(pki({}).chopped(1)));
    prepare(workstation, 20, wire.port());
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(sendBatch(*workstation.engine), Batch::Finished);
    QCOMPARE(workstation.engine->status().acknowledged, 20);
}

void TestSyncIntegration::serverErrorsAreRetriedAfterBackoff()
{
    QVERIFY(startServer());
    Workstation station;
    prepare(station, 120, m_server.port());
    if (QTest::currentTestFailed())
        return;
    SyncEngine& engine = *station.engine;
    // Batches 1 and 2 fail, 3 goes; then batch 1 fails once more.
    setFaults({u"status 500"_s, u"status 503"_s, QString(), u"status 500"_s});
    QVERIFY(sendAllDue(engine));
    SyncEngine::Status status = engine.status();
    QCOMPARE(status.acknowledged, 20);
    QCOMPARE(status.waiting, 100);
    QCOMPARE(serverCount(), 20); // a 5xx stores nothing
    QCOMPARE(status.nextAttempt, station.now.addSecs(SyncEngine::FirstDelaySeconds));
    QVERIFY2(status.lastError.contains(u"the server failed to take the records (HTTP 50"_s) &&
                 status.lastError.contains(u"sent again later"_s),
             qPrintable(status.lastError));
    QCOMPARE(sendBatch(engine), Batch::NothingDue); // backing off

    station.now = station.now.addSecs(SyncEngine::FirstDelaySeconds);
    QVERIFY(sendAllDue(engine));
    status = engine.status();
    QCOMPARE(status.acknowledged, 70);
    QCOMPARE(status.waiting, 50);
    // The second failure of the same records waits twice as long.
    QCOMPARE(status.nextAttempt, station.now.addSecs(2 * SyncEngine::FirstDelaySeconds));
    QCOMPARE(sendBatch(engine), Batch::NothingDue);

    station.now = station.now.addSecs(2 * SyncEngine::FirstDelaySeconds);
    QVERIFY(sendAllDue(engine));
    status = engine.status();
    QCOMPARE(status.acknowledged, 120);
    QCOMPARE(status.waiting + status.sending, 0);
    QCOMPARE(serverCount(), 120);
    QVERIFY(faults().isEmpty()); // every fault was served
}

void TestSyncIntegration::throttlingHonoursRetryAfter()
{
    QVERIFY(startServer());
    Workstation station;
    prepare(station, 10, m_server.port());
    if (QTest::currentTestFailed())
        return;
    SyncEngine& engine = *station.engine;
    setFaults({u"status 429 120"_s});
    QCOMPARE(sendBatch(engine), Batch::Finished);
    SyncEngine::Status status = engine.status();
    QCOMPARE(status.waiting, 10);
    QCOMPARE(status.nextAttempt, station.now.addSecs(120)); // not the 30 s of a 5xx
    QVERIFY2(status.lastError.contains(u"asks to wait (HTTP 429"_s), qPrintable(status.lastError));
    station.now = station.now.addSecs(119);
    QCOMPARE(sendBatch(engine), Batch::NothingDue);
    station.now = station.now.addSecs(1);
    QCOMPARE(sendBatch(engine), Batch::Finished);
    QCOMPARE(engine.status().acknowledged, 10);
    QCOMPARE(serverCount(), 10);
}

void TestSyncIntegration::cutConnection_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("cuts");
    QTest::addColumn<int>("storedAtTheCut");
    QTest::addColumn<int>("acknowledgedAtTheCut");
    QTest::newRow("before the server stored")
        << u"cut-before-store"_s << QtAttemptsPerPost << 50 << 50;
    QTest::newRow("after the server stored")
        << u"cut-after-store"_s << QtAttemptsPerPost << 100 << 50;
    QTest::newRow("after the server stored, once: sent again by Qt at once")
        << u"cut-after-store"_s << 1 << 100 << 100;
}

void TestSyncIntegration::cutConnection()
{
    QFETCH(QString, fault);
    QFETCH(int, cuts);
    QFETCH(int, storedAtTheCut);
    QFETCH(int, acknowledgedAtTheCut);
    QVERIFY(startServer());
    Workstation station;
    prepare(station, 100, m_server.port());
    if (QTest::currentTestFailed())
        return;
    SyncEngine& engine = *station.engine;
    // The first batch goes, the second is cut in the middle of its exchange.
    QStringList faultLines{QString()};
    for (int i = 0; i < cuts; ++i)
        faultLines.append(fault);
    setFaults(faultLines);
    QVERIFY(sendAllDue(engine));
    QVERIFY(faults().isEmpty()); // every cut was served
    SyncEngine::Status status = engine.status();
    QCOMPARE(status.acknowledged, acknowledgedAtTheCut);
    QCOMPARE(status.waiting, 100 - acknowledgedAtTheCut);
    QCOMPARE(serverCount(), storedAtTheCut);
    if (acknowledgedAtTheCut < 100) {
        // Not taken for a refused certificate: the server answers a new connection.
        QVERIFY2(status.lastError.contains(u"closed the connection before answering"_s),
                 qPrintable(status.lastError));
    }

    // The next sync (after a crash of the workstation, even: a new store and engine).
    station.engine.reset();
    station.lab = station.fixture.openAs(LabName);
    station.useTls(station.tls);
    QString error;
    QVERIFY2(station.engine->retryNow(&error), qPrintable(error));
    QVERIFY(sendAllDue(*station.engine));
    QCOMPARE(station.engine->status().acknowledged, 100);
    QCOMPARE(serverCount(), 100); // each record exactly once
}

void TestSyncIntegration::slowServerTimesOutThenSends()
{
    QVERIFY(startServer());
    Workstation station;
    prepare(station, 10, m_server.port());
    if (QTest::currentTestFailed())
        return;
    // The server holds its answer 30 s; the client gives up after 1 s without a byte. The
    // bounds leave room for a slow (sanitizer) build and still tell the two apart.
    station.transport->setTimeout(1000);
    setFaults({u"delay 30000"_s});
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(sendBatch(*station.engine), Batch::Finished);
    QVERIFY(clock.elapsed() < 20000); // given up at the client's timeout, not the server's pace
    SyncEngine::Status status = station.engine->status();
    QCOMPARE(status.waiting, 10);
    QCOMPARE(status.acknowledged, 0);
    QVERIFY2(status.lastError.contains(u"nothing moved"_s) &&
                 status.lastError.contains(u"for 1 second"_s),
             qPrintable(status.lastError));
    QVERIFY2(status.lastError.contains(u"stay waiting"_s), qPrintable(status.lastError));

    // Sent again while the slow answer is still pending on the server: it serves the new
    // request meanwhile (the delay does not block its event loop).
    // A generous timeout now: this batch must go through, however slow the machine.
    station.now = station.now.addSecs(SyncEngine::FirstDelaySeconds);
    station.transport->setTimeout(30000);
    QCOMPARE(sendBatch(*station.engine), Batch::Finished);
    QVERIFY(clock.elapsed() < 28000);
    QCOMPARE(station.engine->status().acknowledged, 10);
    QCOMPARE(serverCount(), 10);
}

void TestSyncIntegration::batchesGoGzipCompressed()
{
    WireServer wire;
    Workstation station;
    sendTwentyRecordsTo(wire, station);
    if (QTest::currentTestFailed())
        return;
    // What went on the wire: gzip, said so, and inflating to the batch's JSON.
    QCOMPARE(wire.bodies.size(), 1);
    QVERIFY2(wire.heads.first().contains("\r\ncontent-encoding: gzip"),
             wire.heads.first().constData());
    QByteArray plain;
    QCOMPARE(Gzip::inflate(wire.bodies.first(), 64 * 1024 * 1024, &plain), Gzip::Status::Ok);
    const QJsonArray bundles = QJsonDocument::fromJson(plain).object()[u"bundles"_s].toArray();
    QCOMPARE(bundles.size(), 20);
    // Written a Bundle at a time on every core, the body is the batch's compact JSON.
    QCOMPARE(plain,
             QJsonDocument(QJsonObject{{u"bundles"_s, bundles}}).toJson(QJsonDocument::Compact));
    QVERIFY2(wire.bodies.first().size() * 5 < plain.size(),
             qPrintable(u"%1 bytes for %2"_s.arg(wire.bodies.first().size()).arg(plain.size())));
    // The engine measured what was sent: the compressed bytes.
    const BatchSizer& sizer = station.engine->batchSizer();
    QVERIFY(sizer.hasMeasure());
    QCOMPARE(sizer.bytesPerRecord(), double(wire.bodies.first().size()) / 20);
}

namespace {

// The connections of this process to `port`, each with whether Nagle's algorithm is off.
QList<bool> lowDelayOfConnectionsTo(quint16 port)
{
    QList<bool> connections;
    for (const QString& name : QDir(u"/proc/self/fd"_s).entryList(QDir::System)) {
        const int descriptor = name.toInt();
        sockaddr_in peer{};
        socklen_t size = sizeof peer;
        if (::getpeername(descriptor, reinterpret_cast<sockaddr*>(&peer), &size) != 0 ||
            peer.sin_family != AF_INET || ntohs(peer.sin_port) != port)
            continue;
        int noDelay = 0;
        size = sizeof noDelay;
        ::getsockopt(descriptor, IPPROTO_TCP, TCP_NODELAY, &noDelay, &size);
        connections.append(noDelay != 0);
    }
    return connections;
}

} // namespace

void TestSyncIntegration::batchesLeaveWithoutWaitingForAcknowledgements()
{
    // Qt's HTTP client hands a request to its socket in pieces; with Nagle's algorithm on,
    // each piece after the first waits for the server's delayed acknowledgement, some 40 ms
    // a batch (the engine took 8.4 s for 2,000 records on loopback, 4.9 s without).
    WireServer wire;
    Workstation station;
    sendTwentyRecordsTo(wire, station);
    if (QTest::currentTestFailed())
        return;
    // The connection stays open for the next batch: Nagle's algorithm is off on it.
    const QList<bool> connections = lowDelayOfConnectionsTo(wire.port());
    QVERIFY(!connections.isEmpty());
    QVERIFY(!connections.contains(false));
}

void TestSyncIntegration::aSlowTransferStillMovingIsNotCutAStalledOneIs()
{
    WireServer wire;
    QVERIFY(wire.listen(pki({}).chopped(1)));
    Workstation station;
    prepare(station, 10, wire.port());
    if (QTest::currentTestFailed())
        return;
    station.transport->setTimeout(3000);
    // Half an answer and then nothing: cut once nothing moved for 3 s.
    wire.pace = WireServer::Pace::Stall;
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(sendBatch(*station.engine), Batch::Finished);
    const qint64 stalledMs = clock.elapsed();
    SyncEngine::Status status = station.engine->status();
    QCOMPARE(status.waiting, 10);
    QCOMPARE(status.acknowledged, 0);
    // Qt's coarse timers may fire up to 5 % early: 2,850 ms for 3 s.
    QVERIFY2(stalledMs >= 2800 && stalledMs < 20000, qPrintable(QString::number(stalledMs)));
    QVERIFY2(status.lastError.contains(u"nothing moved"_s) &&
                 status.lastError.contains(u"for 3 second"_s),
             qPrintable(status.lastError));

    // The answer takes 6 s, a piece every 200 ms: twice the 3 s the transport allows a
    // transfer to stand still. It is not cut.
    QString error;
    QVERIFY2(station.engine->retryNow(&error), qPrintable(error));
    wire.pace = WireServer::Pace::Dribble;
    clock.restart();
    QCOMPARE(sendBatch(*station.engine), Batch::Finished);
    const qint64 slowMs = clock.elapsed();
    status = station.engine->status();
    QVERIFY2(status.acknowledged == 10, qPrintable(status.lastError));
    QVERIFY2(slowMs >= 5500, qPrintable(QString::number(slowMs))); // it was slow indeed
    QCOMPARE(wire.bodies.size(), 2);
}

void TestSyncIntegration::refusedConnections_data()
{
    QTest::addColumn<QString>("serverCertificate");
    // The site's client certificate: "site" its own, "none", or a PKCS#12 of demo-pki.
    QTest::addColumn<QString>("clientCertificate");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("server certificate from another CA")
        << u"other-server"_s << u"site"_s
        << QStringList{u"not issued by the site's configured CA"_s, u"sidepctl config import-ca"_s};
    QTest::newRow("expired server certificate")
        << u"expired-server"_s << u"site"_s
        << QStringList{u"the server's certificate has expired (on 2020-02-01)"_s,
                       u"must renew it"_s};
    QTest::newRow("server certificate for another host")
        << u"wrong-host-server"_s << u"site"_s
        << QStringList{u"not valid for the host name 127.0.0.1 in sync.url"_s,
                       u"it names wrong.example"_s};
    QTest::newRow("no client certificate")
        << u"server"_s << u"none"_s
        << QStringList{u"no client certificate is configured"_s, u"sidepctl config import-cert"_s};
    QTest::newRow("client certificate from another CA")
        << u"server"_s << u"other-site-750712184"_s
        << QStringList{u"the server refused the site's client certificate"_s,
                       u"sidepctl config import-cert"_s};
    QTest::newRow("expired client certificate")
        << u"server"_s << u"expired-site-750712184"_s
        << QStringList{u"the server refused the site's client certificate"_s,
                       u"sidepctl config import-cert"_s};
}

void TestSyncIntegration::refusedConnections()
{
    QFETCH(QString, serverCertificate);
    QFETCH(QString, clientCertificate);
    QFETCH(QStringList, expected);
    QVERIFY(startServer(serverCertificate));
    Workstation station;
    prepare(station, 5, m_server.port());
    if (QTest::currentTestFailed())
        return;
    QSslConfiguration tls = station.tls;
    if (clientCertificate == u"none"_s) {
        tls.setLocalCertificateChain({});
        tls.setPrivateKey({});
    } else if (clientCertificate != u"site"_s) {
        // Certificates the store's import refuses (another CA, expired): given to the
        // transport directly, as a store with a bad certificate would.
        QFile p12(pki(clientCertificate + u".p12"_s));
        QVERIFY(p12.open(QIODevice::ReadOnly));
        QSslKey key;
        QSslCertificate certificate;
        QVERIFY(QSslCertificate::importPkcs12(&p12, &key, &certificate, nullptr, "demo"));
        tls.setLocalCertificate(certificate);
        tls.setPrivateKey(key);
    }
    station.useTls(tls);
    QCOMPARE(sendBatch(*station.engine), Batch::Finished);
    const SyncEngine::Status status = station.engine->status();
    QCOMPARE(status.waiting, 5); // refused, not lost: sent once the certificates are right
    QCOMPARE(status.acknowledged, 0);
    for (const QString& words : std::as_const(expected))
        QVERIFY2(status.lastError.contains(words), qPrintable(status.lastError));
    QCOMPARE(serverCount(), 0);

    // The same store with its own, good certificates and the right server: everything goes.
    if (serverCertificate != u"server"_s) {
        m_server.stop();
        QVERIFY(m_server.start(m_server.port()));
    }
    station.useTls(station.tls);
    QString error;
    QVERIFY2(station.engine->retryNow(&error), qPrintable(error));
    QVERIFY(sendAllDue(*station.engine));
    QCOMPARE(station.engine->status().acknowledged, 5);
    QCOMPARE(serverCount(), 5);
}

void TestSyncIntegration::serverDownIsSaidSo()
{
    QVERIFY(startServer());
    const quint16 port = m_server.port();
    m_server.stop();
    Workstation station;
    prepare(station, 3, port);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(sendBatch(*station.engine), Batch::Finished);
    const SyncEngine::Status status = station.engine->status();
    QCOMPARE(status.waiting, 3);
    QVERIFY2(
        status.lastError.contains(u"the server at 127.0.0.1:%1 refused the connection"_s.arg(port)),
        qPrintable(status.lastError));
}

void TestSyncIntegration::noCommonTlsVersionIsSaidSo()
{
    // sidep-server takes TLS 1.2 and 1.3: a server of TLS 1.3 only, here, and a workstation
    // held to TLS 1.2 stand for the two sides of an outdated TLS.
    QSslServer server;
    QSslConfiguration serverTls = QSslConfiguration::defaultConfiguration();
    serverTls.setLocalCertificateChain(QSslCertificate::fromPath(pki(u"server.pem"_s)));
    QFile key(pki(u"server.key"_s));
    QVERIFY(key.open(QIODevice::ReadOnly));
    serverTls.setPrivateKey(QSslKey(&key, QSsl::Ec));
    serverTls.setProtocol(QSsl::TlsV1_3);
    server.setSslConfiguration(serverTls);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    Workstation station;
    prepare(station, 2, server.serverPort());
    if (QTest::currentTestFailed())
        return;
    QSslConfiguration tls = station.tls;
    tls.setProtocol(QSsl::TlsV1_2);
    station.useTls(tls);
    QCOMPARE(sendBatch(*station.engine), Batch::Finished);
    const SyncEngine::Status status = station.engine->status();
    QCOMPARE(status.waiting, 2);
    QVERIFY2(status.lastError.contains(u"no TLS version in common"_s) &&
                 status.lastError.contains(u"TLS 1.2 or later"_s),
             qPrintable(status.lastError));
}

void TestSyncIntegration::thousandRecordsTwiceAndACrashStoreThemOnce()
{
    const QString sidepctl = qEnvironmentVariable("SIDEPCTL");
    QVERIFY2(QFile::exists(sidepctl), "SIDEPCTL must name the sidepctl executable");
    QVERIFY(startServer());
    Workstation station;
    prepare(station, 1000, m_server.port());
    if (QTest::currentTestFailed())
        return;
    station.engine.reset();
    station.lab.reset();

    // `sidepctl sync` killed while it sends: two batches go, then the next ones stall on the
    // server and the process dies waiting for their answers. Every connection the process
    // can open must stall: with one left free, batches went on through it (stored and
    // acknowledged) until the kill, and how many did depended on how soon after the stall
    // this process ran again (from 100 to 950 records stored, 950 when it paused 3 s before
    // the kill). With every connection held, nothing more can reach the server before the
    // kill, and what it holds depends only on the program. The delay outlasts the test: a
    // stalled batch is never answered, nor stored.
    const int stalledBatches = std::min(SyncEngine::MaxInFlight, QtConnectionsPerServer);
    QStringList faultLines{QString(), QString()};
    for (int i = 0; i < stalledBatches; ++i)
        faultLines.append(u"delay 600000"_s);
    setFaults(faultLines);
    QProcess process;
    process.setProgram(sidepctl);
    process.setArguments({u"--db"_s, station.fixture.path(), u"--user"_s, LabName,
                          u"--password-stdin"_s, u"sync"_s});
    process.start();
    QVERIFY(process.waitForStarted());
    process.write((Password + u'\n').toUtf8());
    process.closeWriteChannel();
    // The faults file is empty once the stalled batches have all reached the server. The
    // wall-clock bound only catches a hang.
    QTRY_VERIFY_WITH_TIMEOUT(faults().isEmpty(), 60000);
    QCOMPARE(process.state(), QProcess::Running);
    process.kill();
    QVERIFY(process.waitForFinished());
    // The two batches answered, no more.
    QCOMPARE(serverCount(), 100);

    station.lab = station.fixture.openAs(LabName);
    station.useTls(station.tls);
    QString error;
    // Run by hand (as the killed process did): due now, on this engine's clock.
    QVERIFY2(station.engine->retryNow(&error), qPrintable(error));
    SyncEngine::Status status = station.engine->status();
    // Every stalled batch is left "sending" by the crash, none taken for acknowledged. How
    // many of the two answers were recorded is the kill's timing: the batches waiting in
    // Qt's queue (MaxInFlight beyond its connections) left as soon as the answers freed two
    // connections, before the process had written them down.
    QVERIFY2(status.acknowledged <= 100, qPrintable(QString::number(status.acknowledged)));
    QVERIFY2(status.sending >= stalledBatches * SyncEngine::BatchSize,
             qPrintable(QString::number(status.sending)));
    QCOMPARE(status.acknowledged + status.sending + status.waiting, 1000);

    // The next sync: its first batch is stored but the answer is lost (cut after storing,
    // Qt's own attempts again included).
    setFaults(QStringList(QtAttemptsPerPost, u"cut-after-store"_s));
    QVERIFY(sendAllDue(*station.engine));
    QCOMPARE(serverCount(), 1000);
    status = station.engine->status();
    QCOMPARE(status.acknowledged, 950);
    QVERIFY2(station.engine->retryNow(&error), qPrintable(error));
    QVERIFY(sendAllDue(*station.engine));
    QCOMPARE(station.engine->status().acknowledged, 1000);
    QCOMPARE(serverCount(), 1000);

    // The same 1,000 pushed again from scratch (the outbox forgotten, as after restoring a
    // backup): the server recognises every one.
    QVERIFY2(Outbox(*station.lab).resendLatestVersions(&error), qPrintable(error));
    QVERIFY(sendAllDue(*station.engine));
    QCOMPARE(station.engine->status().acknowledged, 1000);
    QCOMPARE(serverCount(), 1000);
}

QTEST_GUILESS_MAIN(TestSyncIntegration)
#include "TestSyncIntegration.moc"
