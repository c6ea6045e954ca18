// Many workstations sending at once: N client processes, each with a backlog of its own
// (resulted records, random ids), post their batches at the same moment over loopback mutual
// TLS to the real sidep-server, and the records/s the server takes is the figure. Three
// set-ups one after the other, each on a fresh database: one instance on SQLite (first with
// one worker thread, the baseline, then with its default of one a core), one on
// PostgreSQL, two on one PostgreSQL (the clients shared between them, half each). Prints
// figures; asserts nothing but that every version arrived once.
//
// Each client prepares before the start, unmeasured: a workstation store filled with its
// records, sent once by the sync engine to a preparation server, every batch's body kept.
// Measured: those bodies POSTed again in the same batches, one after the other on one
// connection, with QNetworkAccessManager (the minimal client of bench_sync): the client does
// as little as a client can, so that the server is what is measured. The clients start
// together on a line each receives on its standard input.
//
//   bench_sync_load [--clients N] [--records R] [--postgres URL] [--server-dir DIR]
//     N: clients (default 8); R: records of each backlog (default 2000; each record is two
//     versions, its registration and its result); URL: a PostgreSQL server the user may
//     create databases on (scripts/pg-test-cluster's), without which the PostgreSQL
//     set-ups are left out; DIR: where the SQLite files go (default: a temporary folder).
//   Needs $SIDEP_SERVER (the sidep-server executable) and $DEMO_PKI (scripts/demo-pki).

#include "HttpsTransport.h"
#include "ServerProcess.h"
#include "SyncEngine.h"
#include "SyncSettings.h"
#include "TcpLowDelay.h"
#include "TestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <cstdio>
#include <memory>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

QString option(const QStringList& arguments, const QString& name, const QString& fallback = {})
{
    const qsizetype at = arguments.indexOf(name);
    return at > 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : fallback;
}

// Passes batches on to the real transport and keeps their bodies.
class KeepingTransport : public SyncTransport
{
public:
    explicit KeepingTransport(SyncTransport* real)
        : m_real(real)
    {}

    void postBundles(const QJsonArray& bundles, std::function<void(const Reply&)> done) override
    {
        bodies.append(
            QJsonDocument(QJsonObject{{u"bundles"_s, bundles}}).toJson(QJsonDocument::Compact));
        m_real->postBundles(bundles, [done = std::move(done)](const Reply& reply) {
            if (reply.httpStatus != 200)
                qFatal("preparation: a batch failed: HTTP %d %s", reply.httpStatus,
                       qPrintable(reply.errorText));
            done(reply);
        });
    }

    QList<QByteArray> bodies;

private:
    SyncTransport* m_real;
};

// ---- A client process ----
int runClient(const QStringList& arguments)
{
    const int records = option(arguments, u"--records"_s).toInt();
    const QString pki = option(arguments, u"--pki"_s);
    const quint16 preparationPort = quint16(option(arguments, u"--prepare-on"_s).toUInt());
    qputenv("SIDEP_TEST_FAST_KDF", "1");

    StoreFixture fixture;
    addResultedRecords(fixture, records);
    QString error;
    {
        auto admin = fixture.openAs(AdminName);
        SyncSettings settings(*admin);
        QStringList warnings;
        if (!settings.setServerUrl(u"https://127.0.0.1:%1"_s.arg(preparationPort), &error) ||
            !settings.importCaCertificates(pki + u"/ca.pem"_s, &warnings, &error) ||
            !settings.importPkcs12(pki + u"/site-750712184.p12"_s, SecureBytes::fromUtf8(u"demo"_s),
                                   &warnings, &error))
            qFatal("sync settings: %s", qPrintable(error));
    }
    auto lab = fixture.openAs(LabName);
    QSslConfiguration tls;
    QUrl url;
    if (!lab || !SyncSettings(*lab).load(&tls, &url, &error))
        qFatal("sync settings: %s", qPrintable(error));
    HttpsTransport https(url, tls);
    KeepingTransport keeping(&https);
    SyncEngine engine(*lab, &keeping);
    while (engine.sendNextBatch()) {
        if (engine.isBusy()) {
            QEventLoop loop;
            QObject::connect(&engine, &SyncEngine::batchFinished, &loop, &QEventLoop::quit);
            loop.exec();
        }
    }
    if (engine.status().acknowledged != 2 * records)
        qFatal("preparation: %d versions acknowledged", engine.status().acknowledged);
    std::puts("ready");
    std::fflush(stdout);

    // "go PORT": the bodies again, to that port; the end of the input: done.
    char line[64];
    while (std::fgets(line, sizeof line, stdin)) {
        const QString command = QString::fromLatin1(line).trimmed();
        if (!command.startsWith(u"go "_s))
            qFatal("client: unknown command %s", qPrintable(command));
        const quint16 port = command.mid(3).toUShort();
        QNetworkAccessManager network;
        // As the transport does: each request leaves whole, at once (TcpLowDelay.h).
        QObject::connect(&network, &QNetworkAccessManager::encrypted, &network,
                         [port] { TcpLowDelay::setOnConnectionsTo(port); });
        QNetworkRequest request(QUrl(u"https://127.0.0.1:%1/fhir"_s.arg(port)));
        request.setSslConfiguration(tls);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/fhir+json"_s);
        QElapsedTimer timer;
        timer.start();
        for (const QByteArray& body : std::as_const(keeping.bodies)) {
            std::unique_ptr<QNetworkReply> reply(network.post(request, body));
            QEventLoop loop;
            QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                qFatal("client: %s", qPrintable(reply->errorString()));
        }
        std::printf("done %.3f\n", timer.nsecsElapsed() / 1e9);
        std::fflush(stdout);
    }
    return 0;
}

// ---- The parent: servers, clients, figures ----

// CPU seconds (user + system) a process used so far, from /proc (Linux).
double cpuSeconds(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return 0;
    const QString text = QString::fromLatin1(stat.readAll());
    const QStringList fields = text.mid(text.lastIndexOf(u')') + 2).split(u' ');
    return fields.size() > 12
               ? (fields.at(11).toDouble() + fields.at(12).toDouble()) / sysconf(_SC_CLK_TCK)
               : 0;
}

// The CPU seconds of the PostgreSQL backends serving a database whose name contains `name`
// (their command line says "postgres: user database client").
double backendCpu(const QString& name)
{
    double total = 0;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs);
    for (const QString& pid : entries) {
        QFile command(u"/proc/%1/cmdline"_s.arg(pid));
        if (!command.open(QIODevice::ReadOnly))
            continue;
        const QString line = QString::fromLatin1(command.readAll());
        if (line.startsWith(u"postgres: "_s) && line.contains(name))
            total += cpuSeconds(pid.toLongLong());
    }
    return total;
}

qint64 serverVersions(ServerProcess& server)
{
    static const QRegularExpression versions(u"^versions\\s+(\\d+)"_s,
                                             QRegularExpression::MultilineOption);
    const auto match = versions.match(server.run({u"stats"_s, u"--database"_s, server.database()}));
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

// A fresh, empty database `name` on the PostgreSQL server of `url`; its URL.
QString freshPostgresDatabase(const QString& url, const QString& name)
{
    const QUrl server(url);
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(u"QPSQL"_s, u"admin"_s);
        admin.setHostName(server.host());
        admin.setPort(server.port(5432));
        admin.setUserName(server.userName());
        admin.setDatabaseName(server.path().mid(1));
        if (!admin.open())
            qFatal("PostgreSQL: %s", qPrintable(admin.lastError().text()));
        QSqlQuery query(admin);
        if (!query.exec(u"SET client_min_messages = warning"_s) ||
            !query.exec(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(name)) ||
            !query.exec(u"CREATE DATABASE %1"_s.arg(name)))
            qFatal("PostgreSQL: %s", qPrintable(query.lastError().text()));
    }
    QSqlDatabase::removeDatabase(u"admin"_s);
    QUrl fresh(server);
    fresh.setPath(u'/' + name);
    return fresh.toString();
}

class Clients
{
public:
    Clients(int count, int records, const QString& pki, quint16 preparationPort)
    {
        for (int i = 0; i < count; ++i) {
            auto process = std::make_unique<QProcess>();
            process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            process->start(QCoreApplication::applicationFilePath(),
                           {u"--client"_s, u"--records"_s, QString::number(records), u"--pki"_s,
                            pki, u"--prepare-on"_s, QString::number(preparationPort)});
            m_processes.push_back(std::move(process));
        }
        for (auto& process : m_processes) {
            if (!readLine(*process).startsWith(u"ready"_s))
                qFatal("a client did not get ready");
        }
    }

    ~Clients()
    {
        for (auto& process : m_processes) {
            process->closeWriteChannel();
            if (!process->waitForFinished(10000)) {
                process->kill();
                process->waitForFinished(5000);
            }
        }
    }

    // Every client sends to its port at the same moment; the seconds until the last one is
    // done.
    double sendTogether(const QList<quint16>& ports)
    {
        QElapsedTimer timer;
        timer.start();
        for (size_t i = 0; i < m_processes.size(); ++i)
            m_processes[i]->write(
                u"go %1\n"_s.arg(ports.at(qsizetype(i) % ports.size())).toLatin1());
        for (auto& process : m_processes) {
            if (!readLine(*process).startsWith(u"done"_s))
                qFatal("a client did not finish");
        }
        return timer.nsecsElapsed() / 1e9;
    }

private:
    static QString readLine(QProcess& process)
    {
        while (!process.canReadLine()) {
            if (process.state() == QProcess::NotRunning || !process.waitForReadyRead(600000))
                return {};
        }
        return QString::fromUtf8(process.readLine());
    }

    std::vector<std::unique_ptr<QProcess>> m_processes;
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.contains(u"--client"_s))
        return runClient(arguments);

    const int clients = option(arguments, u"--clients"_s, u"8"_s).toInt();
    const int records = option(arguments, u"--records"_s, u"2000"_s).toInt();
    const QString postgres = option(arguments, u"--postgres"_s);
    QTemporaryDir serverTemp;
    const QString serverDir = option(arguments, u"--server-dir"_s, serverTemp.path());
    QTemporaryDir serverFiles(serverDir + u"/bench-sync-load-XXXXXX"_s);
    if (clients <= 0 || records <= 0 || !serverFiles.isValid() ||
        qEnvironmentVariableIsEmpty("SIDEP_SERVER") || qEnvironmentVariableIsEmpty("DEMO_PKI")) {
        qFatal("usage: SIDEP_SERVER=sidep-server DEMO_PKI=scripts/demo-pki bench_sync_load "
               "[--clients N] [--records R] [--postgres URL] [--server-dir DIR]");
    }

    ServerProcess preparation;
    if (!preparation.makePki())
        qFatal("demo-pki failed");
    preparation.setEnvironmentVariable(u"QT_LOGGING_RULES"_s, u"sidep.server.info=false"_s);
    preparation.setDatabase(u"sqlite://"_s + serverFiles.filePath(u"preparation.sqlite"_s));
    if (!preparation.start())
        qFatal("sidep-server did not start");
    QElapsedTimer setup;
    setup.start();
    Clients senders(clients, records, preparation.pki(QString()), preparation.port());
    preparation.stop();
    const qint64 versions = qint64(clients) * records * 2;
    out() << "concurrent sync: " << clients << " client processes x " << records
          << " resulted records (" << versions << " versions in all), each the batches its "
          << "engine sent, POSTed again on one connection (QNetworkAccessManager), all "
             "starting together; loopback mutual TLS; "
          << QThread::idealThreadCount() << " cores\n"
          << "set-up (stores, batches; not measured): " << setup.elapsed() / 1000.0 << " s\n"
          << Qt::flush;

    // One set-up: `instances` servers on `database`, the clients shared between them.
    // `workers`: sidep-server's --workers (0: its default, one a core).
    const auto measure = [&](const QString& label, const QString& database, int instances,
                             int workers = 0) {
        std::vector<std::unique_ptr<ServerProcess>> servers;
        QList<quint16> ports;
        for (int i = 0; i < instances; ++i) {
            auto server = std::make_unique<ServerProcess>();
            server->sharePkiWith(preparation);
            server->setEnvironmentVariable(u"QT_LOGGING_RULES"_s, u"sidep.server.info=false"_s);
            server->setDatabase(database);
            QStringList serverArguments;
            if (workers > 0)
                serverArguments << u"--workers"_s << QString::number(workers);
            if (!server->start(0, serverArguments))
                qFatal("sidep-server did not start on %s", qPrintable(database));
            ports.append(server->port());
            servers.push_back(std::move(server));
        }
        double serverCpuStart = 0;
        for (auto& server : servers)
            serverCpuStart += cpuSeconds(server->pid());
        const double postgresCpuStart = backendCpu(u"sidep_bench_"_s);
        const double wall = senders.sendTogether(ports);
        double serverCpu = -serverCpuStart;
        for (auto& server : servers)
            serverCpu += cpuSeconds(server->pid());
        const double postgresCpu = backendCpu(u"sidep_bench_"_s) - postgresCpuStart;
        const qint64 stored = serverVersions(*servers.front());
        if (stored != versions)
            qFatal("%s: %lld versions stored of %lld", qPrintable(label),
                   static_cast<long long>(stored), static_cast<long long>(versions));
        out() << label << ": " << wall << " s, " << qRound(clients * records / wall)
              << " records/s (" << qRound(versions / wall) << " versions/s); CPU: sidep-server "
              << serverCpu << " s";
        if (database.startsWith(u"postgresql:"_s))
            out() << ", PostgreSQL backends " << postgresCpu << " s";
        out() << "\n" << Qt::flush;
        return clients * records / wall;
    };

    out() << Qt::fixed << qSetRealNumberPrecision(2);
    // The baseline: one thread reads and checks the batches, as the server did before its
    // worker threads (then on its event loop's thread).
    const double single =
        measure(u"one instance, SQLite, one worker thread"_s,
                u"sqlite://"_s + serverFiles.filePath(u"one-worker.sqlite"_s), 1, 1);
    const double pooled =
        measure(u"one instance, SQLite"_s,
                u"sqlite://"_s + serverFiles.filePath(u"one-instance.sqlite"_s), 1);
    out() << "one instance on SQLite, a worker a core / one worker: " << pooled / single << " x\n"
          << Qt::flush;
    if (postgres.isEmpty()) {
        out() << "PostgreSQL: not measured (no --postgres URL)\n";
        return 0;
    }
    const double one = measure(u"one instance, PostgreSQL"_s,
                               freshPostgresDatabase(postgres, u"sidep_bench_one"_s), 1);
    const double two = measure(u"two instances, one PostgreSQL"_s,
                               freshPostgresDatabase(postgres, u"sidep_bench_two"_s), 2);
    out() << "two instances / one instance on PostgreSQL: " << two / one << " x\n" << Qt::flush;
    return 0;
}
