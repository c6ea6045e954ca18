// Sync throughput: a backlog of resulted records in a workstation store sent by the sync
// engine over loopback mutual TLS to the real sidep-server (SQLite in a temporary folder),
// beside a minimal client measured in the same run: the same Bundle bytes POSTed in the same
// batches straight with QNetworkAccessManager (no store, no outbox) to a fresh server
// database. Then where the engine's time goes: preparing a batch (outbox query, records
// decrypted, audit, FHIR, commit), the round trip (JSON, TLS, server), recording the answer
// (outbox, record status, audit, commit). Prints figures; asserts nothing.
//
// Wall time and CPU time of both processes are printed: on a shared machine the wall time
// moves with the load, and wall minus CPU is mostly waiting for the disk (fsync).
//
//   bench_sync [--records N] [--server-dir DIR] [--passes LIST] [--count-lo]
//              [--proxy EXE [--proxy-port PORT] [--delay-ms MS]]
//     N: records (default 10000); DIR: where the server's SQLite files go (default: a
//     temporary folder on the same disk; /dev/shm shows the server without fsync costs).
//     LIST: the passes to run, of engine,scheduler,minimal,raw (default: all, and the parts
//     of the engine's time measured apart). --count-lo: the bytes that went through the
//     loopback interface during each pass (both directions, TCP/IP headers included): only
//     meaningful in a network namespace of its own (scripts/bench-slowlink). --proxy: the
//     clients reach the server through tests/tools' sidep-delay-proxy (EXE), listening on
//     127.0.0.1:PORT (default: any free port) and holding each direction MS ms (default
//     50); the bytes it forwarded each way are printed for each pass.
//   Needs $SIDEP_SERVER (the sidep-server executable) and $DEMO_PKI (scripts/demo-pki).

#include "Database.h"
#include "FhirBundle.h"
#include "HttpsTransport.h"
#include "JsonText.h"
#include "RecordStore.h"
#include "ServerProcess.h"
#include "Store.h"
#include "StoreTestAccess.h"
#include "SyncEngine.h"
#include "SyncScheduler.h"
#include "SyncSettings.h"
#include "TcpLowDelay.h"
#include "TestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QVariant>
#include <ctime>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

// Every version the server holds (`stats` counts records apart).
qint64 serverVersions(ServerProcess& server)
{
    static const QRegularExpression versions(u"^versions\\s+(\\d+)"_s,
                                             QRegularExpression::MultilineOption);
    const auto match = versions.match(server.run({u"stats"_s, u"--database"_s, server.database()}));
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

QByteArray body(const QJsonArray& bundles)
{
    return JsonText::compact(QJsonObject{{u"bundles"_s, bundles}}); // as the transport writes it
}

double seconds(qint64 nanoseconds)
{
    return nanoseconds / 1e9;
}

// CPU nanoseconds (user + system, every thread) of this process.
qint64 ownCpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

double ownCpu()
{
    return ownCpuNs() / 1e9;
}

// CPU seconds of this process's sidep-server child, from /proc (Linux).
double serverCpu()
{
    const QString parent = QString::number(getpid());
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs);
    for (const QString& pid : entries) {
        QFile stat(u"/proc/%1/stat"_s.arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromLatin1(stat.readAll());
        const qsizetype close = text.lastIndexOf(u')');
        if (close < 0 || !text.left(close).contains(u"(sidep-server"_s))
            continue;
        // After "pid (comm)": state ppid ... utime(14) stime(15), counted from field 3.
        const QStringList fields = text.mid(close + 2).split(u' ');
        if (fields.size() > 12 && fields.at(1) == parent)
            return (fields.at(11).toDouble() + fields.at(12).toDouble()) / sysconf(_SC_CLK_TCK);
    }
    return -1;
}

// Passes batches on to the real transport, noting when each left the engine and when its
// answer came back, and keeping the Bundles (shared, not copied) for the baseline.
class RecordingTransport : public SyncTransport
{
public:
    RecordingTransport(SyncTransport* real, const QElapsedTimer& clock)
        : m_real(real)
        , m_clock(clock)
    {}

    void fetchServerTime(std::function<void(const QDateTime&)> done) override
    {
        m_real->fetchServerTime(std::move(done));
    }

    void postBundles(const QJsonArray& bundles, std::function<void(const Reply&)> done) override
    {
        postedAt = m_clock.nsecsElapsed();
        postedCpu = ownCpuNs();
        batches.append(bundles);
        m_real->postBundles(bundles, [this, done = std::move(done)](const Reply& reply) {
            answeredAt = m_clock.nsecsElapsed();
            answeredCpu = ownCpuNs();
            bytesSent += reply.bytesSent;
            if (reply.httpStatus != 200)
                qFatal("a batch failed: HTTP %d %s", reply.httpStatus, qPrintable(reply.errorText));
            done(reply);
        });
    }

    qint64 postedAt = 0;
    qint64 answeredAt = 0;
    qint64 postedCpu = 0;
    qint64 answeredCpu = 0;
    qint64 bytesSent = 0; // request bodies as the transport sent them (gzip)
    QList<QJsonArray> batches;

private:
    SyncTransport* m_real;
    const QElapsedTimer& m_clock;
};

// The same bodies over one QSslSocket, each request written at once. QNetworkAccessManager
// feeds an upload to its socket 16 KiB at a time without TCP_NODELAY: the second piece waits
// for the server's delayed ACK, some 40 ms a request, unless Nagle's algorithm is turned off
// as the transport does (TcpLowDelay). This client is the floor the others are read against.
qint64 postRaw(const QUrl& url, const QSslConfiguration& tls, const QList<QByteArray>& bodies)
{
    QSslSocket socket;
    socket.setSslConfiguration(tls);
    socket.connectToHostEncrypted(url.host(), quint16(url.port()));
    if (!socket.waitForEncrypted(10000))
        qFatal("raw client: %s", qPrintable(socket.errorString()));
    QElapsedTimer timer;
    timer.start();
    for (const QByteArray& body : bodies) {
        socket.write("POST /fhir HTTP/1.1\r\nHost: " + url.host().toUtf8() +
                     "\r\nContent-Type: application/fhir+json\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QByteArray answer;
        qsizetype headerEnd = -1;
        qint64 length = 0;
        while (headerEnd < 0 || answer.size() < headerEnd + 4 + length) {
            if (!socket.waitForReadyRead(30000))
                qFatal("raw client: %s", qPrintable(socket.errorString()));
            answer += socket.readAll();
            if (headerEnd < 0 && (headerEnd = answer.indexOf("\r\n\r\n")) >= 0) {
                const QByteArray headers = answer.left(headerEnd).toLower();
                const qsizetype at = headers.indexOf("content-length:");
                length = at < 0 ? 0
                                : headers.mid(at + 15, headers.indexOf('\r', at) - at - 15)
                                      .trimmed()
                                      .toLongLong();
            }
        }
        if (!answer.startsWith("HTTP/1.1 200"))
            qFatal("raw client: %s", answer.left(80).constData());
    }
    return timer.nsecsElapsed();
}

// The bytes the loopback interface sent so far (each packet is sent and received once on
// lo: both directions, headers included). From /proc, which follows this process's network
// namespace (/sys/class/net may still show the host's).
qint64 loopbackBytes()
{
    QFile devices(u"/proc/self/net/dev"_s);
    if (!devices.open(QIODevice::ReadOnly))
        return -1;
    // Read at once: a /proc file says it has size 0, so atEnd() is true from the start.
    const QList<QByteArray> lines = devices.readAll().split('\n');
    for (const QByteArray& untrimmed : lines) {
        const QByteArray line = untrimmed.trimmed();
        if (!line.startsWith("lo:"))
            continue;
        // lo: rx bytes, packets, errs, drop, fifo, frame, compressed, multicast, tx bytes...
        const QList<QByteArray> fields = line.mid(3).simplified().split(' ');
        return fields.size() > 8 ? fields.at(8).toLongLong() : -1;
    }
    return -1;
}

// tests/tools' sidep-delay-proxy in front of the server.
class DelayProxy
{
public:
    ~DelayProxy()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    bool start(const QString& executable, quint16 port, quint16 target, int delayMs)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(executable,
                        {u"--listen"_s, u"127.0.0.1:%1"_s.arg(port), u"--to"_s,
                         u"127.0.0.1:%1"_s.arg(target), u"--delay-ms"_s, QString::number(delayMs)});
        if (!m_process.waitForStarted(10000) || !m_process.waitForReadyRead(10000))
            return false;
        static const QRegularExpression listening(u"listening on 127\\.0\\.0\\.1:(\\d+)"_s);
        const auto match = listening.match(QString::fromUtf8(m_process.readLine()));
        m_port = match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
        return m_port != 0;
    }
    quint16 port() const { return m_port; }
    // Bytes forwarded so far, client to server and back.
    std::pair<qint64, qint64> counts()
    {
        m_process.write("counts\n");
        static const QRegularExpression answer(u"^up (\\d+) down (\\d+)"_s);
        while (m_process.canReadLine() || m_process.waitForReadyRead(10000)) {
            if (!m_process.canReadLine())
                continue;
            const auto match = answer.match(QString::fromUtf8(m_process.readLine()));
            if (match.hasMatch())
                return {match.captured(1).toLongLong(), match.captured(2).toLongLong()};
        }
        qFatal("the delay proxy does not answer");
    }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

// What a pass put on the wire: the loopback's bytes and the proxy's, as asked.
class WireMeter
{
public:
    WireMeter(bool countLoopback, DelayProxy* proxy)
        : m_countLoopback(countLoopback)
        , m_proxy(proxy)
    {}
    void begin()
    {
        m_loopback = m_countLoopback ? loopbackBytes() : 0;
        if (m_proxy)
            m_proxied = m_proxy->counts();
    }
    // Lines to print after the pass (empty when nothing is counted).
    QString end(int records)
    {
        QString text;
        if (m_countLoopback) {
            const qint64 bytes = loopbackBytes() - m_loopback;
            text += u"  on the wire        %1 bytes/record (%2 MiB through lo, both directions, "
                    "TCP/IP headers included)\n"_s.arg(double(bytes) / records, 0, 'f', 0)
                        .arg(bytes / 1024.0 / 1024.0, 0, 'f', 2);
        }
        if (m_proxy) {
            const auto [up, down] = m_proxy->counts();
            const qint64 sent = up - m_proxied.first;
            const qint64 received = down - m_proxied.second;
            text += u"  through the proxy  %1 bytes/record (TLS bytes: %2 to the server, %3 "
                    "back)\n"_s.arg(double(sent + received) / records, 0, 'f', 0)
                        .arg(double(sent) / records, 0, 'f', 0)
                        .arg(double(received) / records, 0, 'f', 0);
        }
        return text;
    }

private:
    bool m_countLoopback;
    DelayProxy* m_proxy;
    qint64 m_loopback = 0;
    std::pair<qint64, qint64> m_proxied;
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const auto value = [&arguments](const QString& name, const QString& fallback = {}) {
        const qsizetype at = arguments.indexOf(name);
        return at > 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : fallback;
    };
    const int records = value(u"--records"_s, u"10000"_s).toInt();
    QTemporaryDir serverTemp;
    const QString serverDir = value(u"--server-dir"_s, serverTemp.path());
    const QStringList passes =
        value(u"--passes"_s, u"engine,scheduler,minimal,raw"_s).split(u',', Qt::SkipEmptyParts);
    for (const QString& pass : passes) {
        if (!QStringList{u"engine"_s, u"scheduler"_s, u"minimal"_s, u"raw"_s}.contains(pass))
            qFatal("unknown pass %s (engine, scheduler, minimal, raw)", qPrintable(pass));
    }
    const bool allPasses = passes.size() == 4;
    const QString proxyExecutable = value(u"--proxy"_s);
    const int delayMs = value(u"--delay-ms"_s, u"50"_s).toInt();
    QTemporaryDir serverFiles(serverDir + u"/bench-sync-XXXXXX"_s);
    if (!serverFiles.isValid())
        qFatal("cannot write in %s", qPrintable(serverDir));
    if (records <= 0 || qEnvironmentVariableIsEmpty("SIDEP_SERVER") ||
        qEnvironmentVariableIsEmpty("DEMO_PKI")) {
        qFatal("usage: SIDEP_SERVER=sidep-server DEMO_PKI=scripts/demo-pki bench_sync "
               "[--records N]");
    }
    // Sign-ins of the set-up only (the key derivation is not what is measured).
    qputenv("SIDEP_TEST_FAST_KDF", "1");

    ServerProcess server;
    if (!server.makePki())
        qFatal("demo-pki failed");
    // A log line per record on a terminal would measure the terminal.
    server.setEnvironmentVariable(u"QT_LOGGING_RULES"_s, u"sidep.server.info=false"_s);
    server.setDatabase(u"sqlite://"_s + serverFiles.filePath(u"engine-server.sqlite"_s));
    if (!server.start())
        qFatal("sidep-server did not start");
    // The clients' way to the server: straight, or through the delay proxy.
    DelayProxy proxy;
    quint16 clientPort = server.port();
    if (!proxyExecutable.isEmpty()) {
        if (!proxy.start(proxyExecutable, quint16(value(u"--proxy-port"_s, u"0"_s).toUInt()),
                         server.port(), delayMs))
            qFatal("the delay proxy did not start");
        clientPort = proxy.port();
    }
    WireMeter wire(arguments.contains(u"--count-lo"_s), proxy.port() ? &proxy : nullptr);
    QString engineWire;
    qint64 engineBytesSent = 0; // request bodies as the engine's transport sent them (gzip)
    QString scheduledWire;
    QString baselineWire;
    QString rawWire;

    QElapsedTimer setup;
    setup.start();
    StoreFixture fixture;
    addResultedRecords(fixture, records);
    QString error;
    const QString schedulerCopy = serverFiles.filePath(u"scheduler-store.sqlite"_s);
    {
        auto admin = fixture.openAs(AdminName);
        SyncSettings settings(*admin);
        QStringList warnings;
        if (!settings.setServerUrl(u"https://127.0.0.1:%1"_s.arg(clientPort), &error) ||
            !settings.importCaCertificates(server.pki(u"ca.pem"_s), &warnings, &error) ||
            !settings.importPkcs12(server.pki(u"site-750712184.p12"_s),
                                   SecureBytes::fromUtf8(u"demo"_s), &warnings, &error))
            qFatal("sync settings: %s", qPrintable(error));
        // The same backlog for the scheduler's run: each version of a record is sent once,
        // and an acknowledged registration keeps no copy to send again, so it runs on a copy.
        if (!admin->backup(schedulerCopy, &error))
            qFatal("cannot copy the store: %s", qPrintable(error));
    }
    auto lab = fixture.openAs(LabName);
    QSslConfiguration tls;
    QUrl url;
    if (!lab || !SyncSettings(*lab).load(&tls, &url, &error))
        qFatal("sync settings: %s", qPrintable(error));
    out() << "sync benchmark: " << records << " resulted records, batches of "
          << SyncEngine::BatchSize << ", loopback mutual TLS to sidep-server (SQLite in "
          << serverDir << ")"
          << (proxy.port() ? u", through a proxy holding each direction %1 ms"_s.arg(delayMs)
                           : QString())
          << "\n"
          << "set-up (store with results, not measured): " << setup.elapsed() / 1000.0 << " s\n"
          << Qt::flush;

    // ---- The engine ----
    QElapsedTimer clock;
    clock.start();
    // Each record is two versions: its registration at sampling, then its result.
    const int versions = 2 * records;
    qint64 enqueued = 0;
    qint64 preparing = 0;
    qint64 travelling = 0;
    qint64 recording = 0;
    qint64 preparingCpu = 0;
    qint64 travellingCpu = 0;
    qint64 recordingCpu = 0;
    qint64 engineTotal = 0;
    double engineCpu = 0;
    double engineServerCpu = 0;
    // The batches the clients send again: the engine's, else the scheduler's.
    QList<QJsonArray> batches;
    if (passes.contains(u"engine"_s)) {
        const double engineCpuStart = ownCpu();
        const double engineServerCpuStart = serverCpu();
        wire.begin();
        HttpsTransport https(url, tls);
        RecordingTransport transport(&https, clock);
        SyncEngine engine(*lab, &transport);
        enqueued = clock.nsecsElapsed();
        for (;;) {
            const qint64 start = clock.nsecsElapsed();
            const qint64 startCpu = ownCpuNs();
            if (!engine.sendNextBatch())
                break;
            if (engine.isBusy()) {
                QEventLoop loop;
                QObject::connect(&engine, &SyncEngine::batchFinished, &loop, &QEventLoop::quit);
                loop.exec();
            }
            const qint64 end = clock.nsecsElapsed();
            const qint64 endCpu = ownCpuNs();
            preparing += transport.postedAt - start;
            travelling += transport.answeredAt - transport.postedAt;
            recording += end - transport.answeredAt;
            preparingCpu += transport.postedCpu - startCpu;
            travellingCpu += transport.answeredCpu - transport.postedCpu;
            recordingCpu += endCpu - transport.answeredCpu;
        }
        engineTotal = clock.nsecsElapsed();
        engineCpu = ownCpu() - engineCpuStart;
        engineServerCpu = serverCpu() - engineServerCpuStart;
        engineWire = wire.end(records);
        engineBytesSent = transport.bytesSent;
        const SyncEngine::Status status = engine.status();
        if (status.acknowledged != versions || serverVersions(server) != versions)
            qFatal("the engine did not deliver every record once (%d acknowledged)",
                   status.acknowledged);
        batches = transport.batches;
    }

    // ---- The scheduler, as `sidepctl sync` and the window send: several batches in flight ----
    // The same backlog again (the copy of the store made before the engine's run) to a fresh
    // server database.
    qint64 scheduledNs = 0;
    double scheduledCpu = 0;
    double scheduledServerCpu = 0;
    if (passes.contains(u"scheduler"_s)) {
        server.stop();
        server.setDatabase(u"sqlite://"_s + serverFiles.filePath(u"scheduler-server.sqlite"_s));
        if (!server.start(server.port()))
            qFatal("sidep-server did not start again");
        Store copy;
        if (!copy.open(schedulerCopy, &error) || !copy.signIn(LabName, password(), &error))
            qFatal("cannot open the copy of the store: %s", qPrintable(error));
        QElapsedTimer scheduled;
        scheduled.start();
        const double scheduledCpuStart = ownCpu();
        const double scheduledServerCpuStart = serverCpu();
        wire.begin();
        {
            HttpsTransport https(url, tls);
            // Passes every call on; keeps the batches for the clients below when the engine's
            // pass did not run.
            RecordingTransport pipelined(&https, scheduled);
            SyncEngine schedulerEngine(copy, &pipelined);
            SyncScheduler scheduler(schedulerEngine, pipelined);
            QEventLoop loop;
            QObject::connect(&scheduler, &SyncScheduler::roundFinished, &loop, &QEventLoop::quit);
            scheduler.syncNow(true);
            if (scheduler.isInRound())
                loop.exec();
            scheduledNs = scheduled.nsecsElapsed();
            scheduledCpu = ownCpu() - scheduledCpuStart;
            scheduledServerCpu = serverCpu() - scheduledServerCpuStart;
            scheduledWire = wire.end(records);
            if (schedulerEngine.status().acknowledged != versions ||
                serverVersions(server) != versions)
                qFatal("the scheduler did not deliver every record once");
            if (batches.isEmpty())
                batches = pipelined.batches;
        }
    }

    QElapsedTimer serialising;
    serialising.start();
    const qint64 serialisingCpuStart = ownCpuNs();
    QList<QByteArray> bodies;
    qint64 bodyBytes = 0;
    for (const QJsonArray& batch : std::as_const(batches)) {
        bodies.append(body(batch));
        bodyBytes += bodies.last().size();
    }
    const qint64 serialisingNs = serialising.nsecsElapsed();
    const qint64 serialisingCpu = ownCpuNs() - serialisingCpuStart;

    // ---- The minimal client: the same bodies, the same batches, a fresh database ----
    if (bodies.isEmpty() && (passes.contains(u"minimal"_s) || passes.contains(u"raw"_s)))
        qFatal("the minimal and raw clients send the batches of the engine or the scheduler");
    qint64 answerBytes = 0;
    qint64 baselineNs = 0;
    double baselineCpu = 0;
    double baselineServerCpu = 0;
    if (passes.contains(u"minimal"_s)) {
        server.stop();
        server.setDatabase(u"sqlite://"_s + serverFiles.filePath(u"baseline-server.sqlite"_s));
        if (!server.start(server.port()))
            qFatal("sidep-server did not start again");
        QNetworkAccessManager network;
        // As the transport does: each request leaves whole, at once (TcpLowDelay.h).
        QObject::connect(&network, &QNetworkAccessManager::encrypted, &network,
                         [&url] { TcpLowDelay::setOnConnectionsTo(quint16(url.port())); });
        QNetworkRequest request(QUrl(url.toString() + u"/fhir"_s));
        request.setSslConfiguration(tls);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/fhir+json"_s);
        QElapsedTimer baseline;
        baseline.start();
        const double baselineCpuStart = ownCpu();
        const double baselineServerCpuStart = serverCpu();
        wire.begin();
        for (const QByteArray& bytes : std::as_const(bodies)) {
            QNetworkReply* reply = network.post(request, bytes);
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                qFatal("baseline: %s", qPrintable(reply->errorString()));
            answerBytes += reply->readAll().size();
            delete reply;
        }
        baselineNs = baseline.nsecsElapsed();
        baselineCpu = ownCpu() - baselineCpuStart;
        baselineServerCpu = serverCpu() - baselineServerCpuStart;
        baselineWire = wire.end(records);
        if (serverVersions(server) != versions)
            qFatal("the baseline did not store every record");
    }

    // ---- The same again over a raw TLS socket, to a third database ----
    qint64 rawNs = 0;
    if (passes.contains(u"raw"_s)) {
        server.stop();
        server.setDatabase(u"sqlite://"_s + serverFiles.filePath(u"raw-server.sqlite"_s));
        if (!server.start(server.port()))
            qFatal("sidep-server did not start again");
        wire.begin();
        rawNs = postRaw(url, tls, bodies);
        rawWire = wire.end(records);
        if (serverVersions(server) != versions)
            qFatal("the raw client did not store every record");
    }

    const double engineSeconds = seconds(engineTotal);
    const double baselineSeconds = seconds(baselineNs);
    out() << Qt::fixed << qSetRealNumberPrecision(2);
    if (!allPasses) {
        // The passes asked for, and no parts measured apart.
        if (passes.contains(u"engine"_s)) {
            out() << "engine (store -> outbox -> FHIR -> HTTPS -> acknowledged):\n"
                  << "  total              " << engineSeconds << " s   (" << records / engineSeconds
                  << " records/s)\n"
                  << engineWire;
        }
        if (passes.contains(u"scheduler"_s)) {
            out() << "scheduler, as sidepctl sync (" << SyncEngine::MaxInFlight
                  << " batches in flight, fresh server database):\n"
                  << "  total              " << seconds(scheduledNs) << " s   ("
                  << records / seconds(scheduledNs) << " records/s; target: " << records
                  << " in < 20 s)\n"
                  << "  CPU                workstation " << scheduledCpu << " s, server "
                  << scheduledServerCpu << " s\n"
                  << scheduledWire;
        }
        if (passes.contains(u"minimal"_s)) {
            out() << "minimal client (the same bodies, QNetworkAccessManager, fresh server "
                     "database):\n"
                  << "  total              " << baselineSeconds << " s   ("
                  << records / baselineSeconds << " records/s)\n"
                  << "  request body       " << double(bodyBytes) / records << " bytes/record\n"
                  << "  answer body        " << double(answerBytes) / records << " bytes/record\n"
                  << baselineWire;
        }
        if (passes.contains(u"raw"_s)) {
            out() << "raw client (one QSslSocket, each request in one write, fresh database):\n"
                  << "  total              " << seconds(rawNs) << " s   ("
                  << records / seconds(rawNs) << " records/s)\n"
                  << rawWire;
        }
        out() << Qt::flush;
        return 0;
    }

    // ---- What the preparation is made of, measured apart on the same records ----
    QList<QUuid> ids;
    {
        QSqlQuery& query = StoreTestAccess::database(*lab).query(u"SELECT record_id FROM outbox"_s);
        if (!StoreTestAccess::database(*lab).exec(query, &error))
            qFatal("%s", qPrintable(error));
        while (query.next())
            ids.append(QUuid::fromString(query.value(0).toString()));
        query.finish();
    }
    // The engine's due query over the whole backlog (as at the start of the sync), in a
    // transaction rolled back.
    constexpr int DueRuns = 20;
    qint64 dueNs = 0;
    {
        Database& database = StoreTestAccess::database(*lab);
        Transaction transaction(database);
        if (!transaction.begin(&error) ||
            !database.execDirect(u"UPDATE outbox SET state = 'waiting'"_s, &error))
            qFatal("%s", qPrintable(error));
        QSqlQuery& due = database.query(
            u"SELECT record_id, version, attempts FROM outbox WHERE state IN ('waiting', "
            "'sending') AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY "
            "queued_at LIMIT ?"_s);
        QElapsedTimer dueClock;
        dueClock.start();
        for (int run = 0; run < DueRuns; ++run) {
            due.bindValue(0, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
            due.bindValue(1, SyncEngine::BatchSize);
            if (!database.exec(due, &error))
                qFatal("%s", qPrintable(error));
            while (due.next()) {
            }
            due.finish();
        }
        dueNs = dueClock.nsecsElapsed() / DueRuns;
    } // rolled back

    QList<SamplingRecord> loaded;
    loaded.reserve(ids.size());
    QElapsedTimer part;
    part.start();
    qint64 partCpu = ownCpuNs();
    {
        Transaction transaction(StoreTestAccess::database(*lab));
        if (!transaction.begin(&error))
            qFatal("%s", qPrintable(error));
        for (qsizetype i = 0; i < ids.size(); ++i) {
            SamplingRecord record;
            if (!lab->records()->load(ids.at(i), &record, &error, u"bench.load"_s))
                qFatal("%s", qPrintable(error));
            loaded.append(record);
            if ((i + 1) % SyncEngine::BatchSize == 0 || i + 1 == ids.size()) {
                if (!transaction.commit(&error) ||
                    (i + 1 < ids.size() && !transaction.begin(&error)))
                    qFatal("%s", qPrintable(error));
            }
        }
    }
    const qint64 loadNs = part.nsecsElapsed();
    const qint64 loadCpu = ownCpuNs() - partCpu;
    part.restart();
    partCpu = ownCpuNs();
    // As the engine does: a batch's Bundles appended to one array.
    QJsonArray built;
    for (qsizetype i = 0; i < loaded.size(); ++i) {
        if (i % SyncEngine::BatchSize == 0)
            built = QJsonArray();
        built.append(FhirBundle::fromRecord(loaded.at(i), lab->siteFiness(), {}));
    }
    const qint64 fhirNs = part.nsecsElapsed();
    const qint64 fhirCpu = ownCpuNs() - partCpu;

    const auto perRecord = [records](qint64 nanoseconds) {
        return u"%1 us/record"_s.arg(nanoseconds / 1000.0 / records, 0, 'f', 0);
    };
    out() << "\n"
          << "engine (store -> outbox -> FHIR -> HTTPS -> acknowledged):\n"
          << "  total              " << engineSeconds << " s   (" << records / engineSeconds
          << " records/s; target: " << records << " in < 20 s)\n"
          << "  CPU                workstation " << engineCpu << " s, server " << engineServerCpu
          << " s\n"
          << "  enqueue            " << seconds(enqueued) << " s\n"
          << "                     wall s   workstation CPU s\n"
          << "  preparing batches  " << seconds(preparing) << "    " << seconds(preparingCpu)
          << "   (due query; each record loaded, decrypted, audited; FHIR; marked sending; "
             "commit)\n"
          << "  round trips        " << seconds(travelling) << "    " << seconds(travellingCpu)
          << "   (JSON, TLS, HTTP; the server's parse, checks and inserts; the answer)\n"
          << "  recording answers  " << seconds(recording) << "    " << seconds(recordingCpu)
          << "   (outbox, record status, audit per record; commit)\n"
          << "  request body       " << double(bodyBytes) / records << " bytes/record ("
          << bodyBytes / 1024.0 / 1024.0 << " MiB in " << bodies.size() << " POSTs)\n"
          << engineWire << "  sent (gzip)        " << double(engineBytesSent) / records
          << " bytes/record (" << engineBytesSent / 1024.0 / 1024.0 << " MiB, "
          << double(bodyBytes) / double(std::max<qint64>(1, engineBytesSent)) << " x smaller)\n"
          << "scheduler, as sidepctl sync (" << SyncEngine::MaxInFlight
          << " batches in flight, fresh server database):\n"
          << "  total              " << seconds(scheduledNs) << " s   ("
          << records / seconds(scheduledNs) << " records/s; target: " << records << " in < 20 s)\n"
          << "  CPU                workstation " << scheduledCpu << " s, server "
          << scheduledServerCpu << " s\n"
          << scheduledWire
          << "minimal client (the same bodies, QNetworkAccessManager, fresh server database):\n"
          << "  total              " << baselineSeconds << " s   (" << records / baselineSeconds
          << " records/s)\n"
          << "  CPU                client " << baselineCpu << " s, server " << baselineServerCpu
          << " s\n"
          << "  answer body        " << double(answerBytes) / records << " bytes/record\n"
          << baselineWire << "engine / minimal client: " << engineSeconds / baselineSeconds
          << " x; scheduler / "
             "minimal client: "
          << seconds(scheduledNs) / baselineSeconds << " x\n"
          << "raw client (one QSslSocket, each request in one write, fresh database):\n"
          << "  total              " << seconds(rawNs) << " s   (" << records / seconds(rawNs)
          << " records/s)\n"
          << rawWire << "parts measured apart on the same " << loaded.size()
          << " records (wall, CPU):\n"
          << "  load + decrypt + audit, commit per 50: " << seconds(loadNs) << " s, "
          << seconds(loadCpu) << " s (" << perRecord(loadCpu) << ")\n"
          << "  FhirBundle::fromRecord into batches:   " << seconds(fhirNs) << " s, "
          << seconds(fhirCpu) << " s (" << perRecord(fhirCpu) << ")\n"
          << "  JSON serialisation of the bodies:      " << seconds(serialisingNs) << " s, "
          << seconds(serialisingCpu) << " s (" << perRecord(serialisingCpu) << ")\n"
          << "  the due query over a " << records << "-record backlog: " << dueNs / 1e6
          << " ms a batch (x " << bodies.size() << " batches = " << seconds(dueNs * bodies.size())
          << " s)\n"
          << Qt::flush;
    return 0;
}
