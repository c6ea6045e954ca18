// The production front (server/deploy/nginx/sidep-server.conf, this very file, its paths,
// port and timeouts rewritten for a temporary folder: timeouts divided by 10) run by Debian's
// nginx as a non-daemon child on a free loopback port, in front of sidep-server on its local
// socket: the probes of TestServerHardening again, through it. Also what the front must
// guarantee: a certificate header sent by a client never reaches the server as such, the
// local socket is not open to other users, and without nginx's headers the socket serves
// nobody.

#include "FhirBundle.h"
#include "ServerProbes.h"
#include "ServerProcess.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <memory>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using TestSupport::SiteFiness;

namespace {

const QString OtherSite = u"751012345"_s;
const QString Site = u"site-750712184"_s;
const QString Other = u"site-751012345"_s;
constexpr int DeadlineDivisor = 10;
constexpr qint64 MaxPeakGrowthKib = 256 * 1024;

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost) ? probe.serverPort() : 0;
}

} // namespace

class TestServerFront : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void bundlesGoThroughTheFront();
    void droppedAndImpatientConnectionsNeverStopIt();
    void headersAreCapped();
    void oversizedBodyIsRefusedOnItsContentLength();
    void framingIsMadeUnambiguous_data();
    void framingIsMadeUnambiguous();
    void slowRequestsNeverReachTheServer();
    void hugeEntryArrayIsRefusedByTheServer();
    void certificatesAreCheckedByTheFront();
    void aForgedCertificateHeaderIsReplaced();
    void theLocalSocketTrustsOnlyTheFront();

private:
    QString pki(const QString& name) const { return m_server.pki(name); }
    ServerProbes probes() const { return ServerProbes(pki({}).chopped(1), m_port); }
    ServerProbes::Usage serverUsage() const { return ServerProbes::usage(m_server.pid()); }
    bool writeConfig(QString* error);

    QTemporaryDir m_dir;
    ServerProcess m_server;
    QProcess m_nginx;
    quint16 m_port = 0;
    QString m_socket;
};

bool TestServerFront::writeConfig(QString* error)
{
    QFile source(QStringLiteral(SIDEP_SOURCE_DIR) + u"/server/deploy/nginx/sidep-server.conf"_s);
    if (!source.open(QIODevice::ReadOnly)) {
        *error = source.errorString();
        return false;
    }
    QString config = QString::fromUtf8(source.readAll());
    // The deployment's paths and port, replaced by the test's; nothing else changes but the
    // timeouts, divided like sidep-server's own (SIDEP_SERVER_DEADLINE_DIVISOR).
    const QList<std::pair<QString, QString>> replaced{
        {u"listen 443 ssl;"_s, u"listen 127.0.0.1:%1 ssl;"_s.arg(m_port)},
        {u"listen [::]:443 ssl;"_s, QString()},
        {u"/etc/sidep-server/tls/server.pem"_s, pki(u"server.pem"_s)},
        {u"/etc/sidep-server/tls/server.key"_s, pki(u"server.key"_s)},
        {u"/etc/sidep-server/tls/client-ca.pem"_s, pki(u"ca.pem"_s)},
        {u"/etc/sidep-server/tls/client-crl.pem"_s, pki(u"crl.pem"_s)},
        {u"/run/sidep-server/front.sock"_s, m_socket},
    };
    for (const auto& [from, to] : replaced) {
        if (!config.contains(from)) {
            *error = u"the deployment file no longer holds "_s + from;
            return false;
        }
        config.replace(from, to);
    }
    static const QRegularExpression timeout(u"(_timeout) (\\d+)s;"_s);
    QString divided;
    qsizetype last = 0;
    for (auto it = timeout.globalMatch(config); it.hasNext();) {
        const auto match = it.next();
        divided += config.mid(last, match.capturedStart() - last);
        divided += u"%1 %2s;"_s.arg(match.captured(1))
                       .arg(qMax(1, match.captured(2).toInt() / DeadlineDivisor));
        last = match.capturedEnd();
    }
    divided += config.mid(last);

    QFile site(m_dir.filePath(u"sidep-server.conf"_s));
    QFile main(m_dir.filePath(u"nginx.conf"_s));
    const QString temp = m_dir.filePath(u"temp"_s);
    QDir().mkpath(temp);
    // As root, nginx's workers would run as nobody: the test's files are root's.
    const QString user = ::geteuid() == 0 ? u"user root root;\n"_s : QString();
    const QString wrapper =
        user +
        u"daemon off;\nworker_processes 1;\npid %1/nginx.pid;\nerror_log %1/error.log info;\n"
        "events { worker_connections 2048; }\n"
        "http {\n"
        "    access_log %1/access.log;\n"
        "    client_body_temp_path %2/body;\n    proxy_temp_path %2/proxy;\n"
        "    fastcgi_temp_path %2/fastcgi;\n    uwsgi_temp_path %2/uwsgi;\n"
        "    scgi_temp_path %2/scgi;\n"
        "    include %1/sidep-server.conf;\n}\n"_s.arg(m_dir.path(), temp);
    if (!site.open(QIODevice::WriteOnly) || site.write(divided.toUtf8()) < 0 ||
        !main.open(QIODevice::WriteOnly) || main.write(wrapper.toUtf8()) < 0) {
        *error = u"cannot write the nginx configuration"_s;
        return false;
    }
    return true;
}

void TestServerFront::initTestCase()
{
    const QString nginx = QStandardPaths::findExecutable(u"nginx"_s, {u"/usr/sbin"_s, u"/sbin"_s});
    QVERIFY2(!nginx.isEmpty(), "nginx is not installed (scripts/install-deps installs it)");
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.makePki({u"--test-certs"_s, u"--site"_s, SiteFiness, u"--site"_s, OtherSite}));
    m_socket = m_dir.filePath(u"front.sock"_s);
    m_server.setEnvironmentVariable(u"SIDEP_SERVER_DEADLINE_DIVISOR"_s,
                                    QString::number(DeadlineDivisor));
    m_server.setEnvironmentVariable(u"QT_LOGGING_RULES"_s, u"sidep.server.info=false"_s);
    QVERIFY(!m_server
                 .run({u"codes"_s, u"generate"_s, u"--count"_s, u"20"_s, u"--database"_s,
                       m_server.database()})
                 .isEmpty());
    QVERIFY(m_server.start(0, {u"--front-socket"_s, m_socket}));

    m_port = freePort();
    QVERIFY(m_port != 0);
    QString error;
    QVERIFY2(writeConfig(&error), qPrintable(error));
    m_nginx.setProcessChannelMode(QProcess::MergedChannels);
    m_nginx.start(nginx, {u"-p"_s, m_dir.path(), u"-c"_s, m_dir.filePath(u"nginx.conf"_s), u"-e"_s,
                          m_dir.filePath(u"error.log"_s)});
    QVERIFY(m_nginx.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(probes().health() == 200 || m_nginx.state() != QProcess::Running,
                             20000);
    QVERIFY2(m_nginx.state() == QProcess::Running, m_nginx.readAll().constData());
}

void TestServerFront::cleanupTestCase()
{
    if (m_nginx.state() != QProcess::NotRunning) {
        m_nginx.terminate();
        if (!m_nginx.waitForFinished(5000)) {
            m_nginx.kill();
            m_nginx.waitForFinished(5000);
        }
    }
    m_server.stop();
}

void TestServerFront::bundlesGoThroughTheFront()
{
    SamplingRecord record = TestSupport::validRecord(1);
    record.id = QUuid::createUuidV5(QUuid(), u"front-1"_s);
    const QByteArray bundle =
        QJsonDocument(FhirBundle::fromRecord(record, SiteFiness)).toJson(QJsonDocument::Compact);
    const ServerProbes::Answer stored = probes().send(Site, ServerProbes::post("/fhir", bundle));
    QCOMPARE(stored.status, 201);
    QCOMPARE(QJsonDocument::fromJson(stored.body).object()[u"outcome"_s].toString(), u"accepted"_s);
    QCOMPARE(probes().send(Site, ServerProbes::post("/fhir", bundle)).status, 200);
    // The same Bundle from the other site's certificate: refused as another site's.
    QCOMPARE(probes().send(Other, ServerProbes::post("/fhir", bundle)).status, 422);
}

void TestServerFront::droppedAndImpatientConnectionsNeverStopIt()
{
    ServerProbes probe = probes();
    for (int round = 0; round < 10; ++round) {
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < 30; ++i) {
            sockets.push_back(std::make_unique<QTcpSocket>());
            sockets.back()->connectToHost(QHostAddress::LocalHost, m_port);
        }
        QTest::qWait(300);
        for (auto& socket : sockets)
            socket->abort();
    }
    QCOMPARE(probe.health(), 200);
    std::vector<std::unique_ptr<QSslSocket>> clients;
    for (int i = 0; i < 500; ++i) {
        clients.push_back(std::make_unique<QSslSocket>());
        clients.back()->setSslConfiguration(probe.tls(Site));
        clients.back()->connectToHostEncrypted(u"127.0.0.1"_s, m_port);
    }
    QTest::qWait(2000);
    for (auto& client : clients)
        client->abort();
    clients.clear();
    QTRY_COMPARE_WITH_TIMEOUT(probe.health(), 200, 20000);
}

void TestServerFront::headersAreCapped()
{
    ServerProbes probe = probes();
    const ServerProbes::Usage before = serverUsage();
    // A long header line: nginx refuses it (400) at 8 KiB.
    const std::unique_ptr<QSslSocket> socket = probe.connectTls(Site);
    QVERIFY(socket);
    socket->write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Long: ");
    qint64 sent = 0;
    while (sent < 32 * 1024 * 1024 && socket->state() == QAbstractSocket::ConnectedState &&
           socket->bytesAvailable() == 0) {
        socket->write(QByteArray(64 * 1024, 'a'));
        sent += 64 * 1024;
        QTest::qWait(1);
    }
    const int status = ServerProbes::readAnswer(*socket, 10000).status;
    QVERIFY2(status == 400 || status == 431, qPrintable(QString::number(status)));
    // 200 short header lines fit nginx's buffers: sidep-server's own count refuses them.
    QByteArray many = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (int i = 0; i < 200; ++i)
        many += "X-Many-" + QByteArray::number(i) + ": x\r\n";
    QCOMPARE(probe.send(Site, many + "\r\n").status, 431);
    const QByteArray longPath =
        "GET /health?" + QByteArray(16 * 1024, 'p') + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    QCOMPARE(probe.send(Site, longPath).status, 414);
    QVERIFY(serverUsage().peakKib - before.peakKib < MaxPeakGrowthKib);
}

void TestServerFront::oversizedBodyIsRefusedOnItsContentLength()
{
    const std::unique_ptr<QSslSocket> socket = probes().connectTls(Site);
    QVERIFY(socket);
    const ServerProbes::Answer refused = ServerProbes::exchange(
        *socket, "POST /fhir HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1073741824\r\n\r\n");
    QCOMPARE(refused.status, 413);
    // In the shape the workstation reads.
    QCOMPARE(QJsonDocument::fromJson(refused.body).object()[u"resourceType"_s].toString(),
             u"OperationOutcome"_s);
}

void TestServerFront::framingIsMadeUnambiguous_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    const QByteArray head = "POST /fhir HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    QTest::newRow("control: one Content-Length")
        << QByteArray(head + "Content-Length: 2\r\n\r\n{}") << 422;
    QTest::newRow("two Content-Length")
        << QByteArray(head + "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}") << 400;
    QTest::newRow("Content-Length and Transfer-Encoding")
        << QByteArray(head +
                      "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n")
        << 400;
    // nginx reads a chunked body whole and hands it on with its length: no ambiguity left.
    QTest::newRow("chunked, reframed by nginx")
        << QByteArray(head + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n") << 422;
    QTest::newRow("a blank before the colon")
        << QByteArray(head + "Content-Length : 2\r\n\r\n{}") << 400;
}

void TestServerFront::framingIsMadeUnambiguous()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QCOMPARE(probes().send(Site, request).status, status);
}

void TestServerFront::slowRequestsNeverReachTheServer()
{
    // Half-sent heads from one site, 100 of them: nginx holds them (the server sees none)
    // until its header timeout (1 s here); another site is served meanwhile.
    ServerProbes probe = probes();
    const int descriptors = serverUsage().descriptors;
    std::vector<std::unique_ptr<QSslSocket>> held;
    for (int i = 0; i < 100; ++i) {
        held.push_back(std::make_unique<QSslSocket>());
        held.back()->setSslConfiguration(probe.tls(Site));
        QObject::connect(held.back().get(), &QSslSocket::encrypted, held.back().get(),
                         [socket = held.back().get()] {
                             socket->write("POST /fhir HTTP/1.1\r\nHost: 127.0.0.1\r\n");
                         });
        held.back()->connectToHostEncrypted(u"127.0.0.1"_s, m_port);
    }
    QTest::qWait(500);
    QVERIFY(serverUsage().descriptors <= descriptors + 4);
    QCOMPARE(probe.health(Other), 200);
    QTRY_VERIFY_WITH_TIMEOUT(std::none_of(held.begin(), held.end(),
                                          [](const auto& socket) {
                                              return socket->state() ==
                                                     QAbstractSocket::ConnectedState;
                                          }),
                             15000);
}

void TestServerFront::hugeEntryArrayIsRefusedByTheServer()
{
    QByteArray body = "{\"resourceType\":\"Bundle\",\"entry\":[0";
    for (int i = 1; i < 2000000; ++i)
        body += ",0";
    body += "]}";
    const ServerProbes::Usage before = serverUsage();
    const ServerProbes::Answer refused =
        probes().send(Site, ServerProbes::post("/fhir", body), 30000);
    QCOMPARE(refused.status, 413);
    QVERIFY2(refused.body.contains("JSON values"), refused.body.constData());
    QVERIFY(serverUsage().peakKib - before.peakKib < MaxPeakGrowthKib);
}

void TestServerFront::certificatesAreCheckedByTheFront()
{
    ServerProbes probe = probes();
    // nginx finishes the handshake and answers 400 itself: nothing reaches the server.
    for (const QString& refused : {u"revoked-site-750712184"_s, u"other-site-750712184"_s,
                                   u"expired-site-750712184"_s, QString()}) {
        const ServerProbes::Answer answer = probe.send(refused, ServerProbes::get("/health"));
        QVERIFY2(answer.status == 0 || answer.status == 400,
                 qPrintable(refused + u": "_s + QString::number(answer.status)));
    }
    QCOMPARE(probe.health(Site), 200);
}

void TestServerFront::aForgedCertificateHeaderIsReplaced()
{
    // Site A's client sends the headers that name site B: nginx puts its own in their place,
    // so the codes go to A.
    const QByteArray other =
        QSslCertificate::fromPath(pki(Other + u".pem"_s)).value(0).toPem().toPercentEncoding();
    const ServerProbes::Answer answer = probes().send(
        Site, ServerProbes::get("/activation-codes?count=1",
                                "X-Sidep-Client-Verify: SUCCESS\r\nX-Sidep-Client-Cert: " + other +
                                    "\r\nX-Sidep-Client-Cert: " + other + "\r\n"));
    QCOMPARE(answer.status, 200);
    const QString fileName =
        QJsonDocument::fromJson(answer.body).object()[u"fileName"_s].toString();
    QVERIFY2(fileName.contains(SiteFiness) && !fileName.contains(OtherSite), qPrintable(fileName));
}

void TestServerFront::theLocalSocketTrustsOnlyTheFront()
{
    // Not open to other users of the machine.
    const QFileInfo info(m_socket);
    QVERIFY(info.exists());
    QVERIFY(!(info.permissions() & (QFile::ReadOther | QFile::WriteOther | QFile::ExeOther)));
    // Without nginx's verified headers, the socket serves nobody.
    const auto ask = [this](const QByteArray& headers) {
        QLocalSocket socket;
        socket.connectToServer(m_socket);
        if (!socket.waitForConnected(5000))
            return 0;
        socket.write(ServerProbes::get("/health", headers));
        QByteArray received;
        for (int i = 0; i < 500 && !received.contains("\r\n\r\n"); ++i) {
            socket.waitForReadyRead(10);
            received += socket.readAll();
        }
        return received.split(' ').value(1).toInt();
    };
    QCOMPARE(ask({}), 403);
    const QByteArray certificate =
        QSslCertificate::fromPath(pki(Site + u".pem"_s)).value(0).toPem().toPercentEncoding();
    QCOMPARE(ask("X-Sidep-Client-Verify: FAILED:certificate revoked\r\nX-Sidep-Client-Cert: " +
                 certificate + "\r\n"),
             403);
    // The control: with them, it does.
    QCOMPARE(ask("X-Sidep-Client-Verify: SUCCESS\r\nX-Sidep-Client-Cert: " + certificate + "\r\n"),
             200);
}

QTEST_GUILESS_MAIN(TestServerFront)
#include "TestServerFront.moc"
