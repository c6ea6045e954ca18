// Security checklist, TLS: the national server and the workstation refuse TLS
// before 1.2 and weak cipher suites, the workstation trusts the site's CA only, and each
// bad server certificate stops `sidepctl sync` with a plain reason.
//
// The peers the product would never be: `openssl s_client` and `openssl s_server`, which can
// still be told to speak TLS 1.0/1.1 or to offer NULL, anonymous or CBC suites (at OpenSSL
// security level 0). Some suites (RC4, 3DES, EXPORT) are not even in this OpenSSL: the test
// then says that the client could not offer them, rather than that the server refused.
// TestSyncIntegration holds the full certificate matrix (client certificates too, and every
// message word for word) through the sync engine; here a compact table through the command
// line, so that this suite reads as one checklist.

#include "ServerProcess.h"
#include "Store.h"
#include "SyncSettings.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCipher>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

// What became of one TLS handshake attempt.
enum class Outcome
{
    Accepted,          // a session, and the server answered over it
    ServerRefused,     // the server sent an alert
    ClientCannotOffer, // the client's OpenSSL would not offer what was asked
    NoSession,         // closed without a session and without an alert
};

QString outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Accepted:
        return u"accepted"_s;
    case Outcome::ServerRefused:
        return u"refused by the server"_s;
    case Outcome::ClientCannotOffer:
        return u"not offered: this OpenSSL client cannot offer it"_s;
    case Outcome::NoSession:
        return u"closed without a session"_s;
    }
    return {};
}

struct Probe
{
    Outcome outcome = Outcome::NoSession;
    QString protocol; // TLSv1.2...
    QString cipher;
    QString detail; // the alert or error OpenSSL printed

    QString describe() const
    {
        QString text = outcomeName(outcome);
        if (!protocol.isEmpty())
            text += u", "_s + protocol + u" "_s + cipher;
        if (!detail.isEmpty())
            text += u" ("_s + detail + u")"_s;
        return text;
    }
};

QString opensslProgram()
{
    return QStandardPaths::findExecutable(u"openssl"_s);
}

// Reads `s_client` output into an outcome.
Probe readClientOutput(const QString& output)
{
    Probe probe;
    static const QRegularExpression cannotOffer(
        u"(no cipher match|no protocols available|no ciphers available|unknown option)"_s);
    static const QRegularExpression alert(u"ssl3_read_bytes:([^:]*alert[^:]*):"_s);
    static const QRegularExpression protocol(u"Protocol\\s*:\\s*(TLSv[0-9.]+)"_s);
    static const QRegularExpression cipher(u"New, [^,]+, Cipher is (\\S+)"_s);
    if (const auto match = cannotOffer.match(output); match.hasMatch()) {
        probe.outcome = Outcome::ClientCannotOffer;
        probe.detail = match.captured(1);
        return probe;
    }
    const auto cipherMatch = cipher.match(output);
    if (const auto match = alert.match(output); match.hasMatch()) {
        probe.outcome = Outcome::ServerRefused;
        probe.detail = match.captured(1);
        return probe;
    }
    if (cipherMatch.hasMatch() && cipherMatch.captured(1) != u"(NONE)"_s &&
        output.contains(u"HTTP/1.1 200"_s) && output.contains(u"\"status\":\"ok\""_s)) {
        probe.outcome = Outcome::Accepted;
        probe.protocol = protocol.match(output).captured(1);
        probe.cipher = cipherMatch.captured(1);
        return probe;
    }
    probe.detail = output.trimmed().split(u'\n').mid(0, 3).join(u" / "_s);
    return probe;
}

// `openssl s_server` with the demo server certificate: a server outside the product's
// control, for the workstation's side.
class OpensslServer
{
public:
    ~OpensslServer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    bool start(const ServerProcess& pki, const QStringList& options)
    {
        QStringList arguments{u"s_server"_s, u"-accept"_s, u"127.0.0.1:0"_s, u"-www"_s};
        if (!options.contains(u"-nocert"_s)) {
            arguments +=
                {u"-cert"_s, pki.pki(u"server.pem"_s), u"-key"_s, pki.pki(u"server.key"_s)};
        }
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(opensslProgram(), arguments + options);
        if (!m_process.waitForStarted(10000))
            return false;
        static const QRegularExpression accepting(u"ACCEPT 127\\.0\\.0\\.1:(\\d+)"_s);
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 10000 && m_process.state() == QProcess::Running) {
            m_process.waitForReadyRead(100);
            m_output += m_process.readAll();
            if (const auto match = accepting.match(QString::fromUtf8(m_output)); match.hasMatch()) {
                m_port = quint16(match.captured(1).toUInt());
                return true;
            }
        }
        qWarning("openssl s_server did not start: %s", m_output.constData());
        return false;
    }
    quint16 port() const { return m_port; }
    // What the server printed (its side of a refusal).
    QString output()
    {
        m_output += m_process.readAll();
        return QString::fromUtf8(m_output);
    }

private:
    QProcess m_process;
    QByteArray m_output;
    quint16 m_port = 0;
};

} // namespace

class TestSecurityTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_server.stop(); }

    void serverTakesTls12AndLaterOnly_data();
    void serverTakesTls12AndLaterOnly();
    void serverRefusesWeakCiphers_data();
    void serverRefusesWeakCiphers();
    void workstationConfigurationTrustsTheSiteCaOnly();
    void workstationRefusesWeakServers_data();
    void workstationRefusesWeakServers();
    void badServerCertificatesStopSidepctlSync_data();
    void badServerCertificatesStopSidepctlSync();

private:
    // `openssl s_client` to sidep-server with the site's certificate, asking for /health.
    Probe probeServer(const QStringList& options);
    // A store whose sync settings point at 127.0.0.1:port with the demo CA and site
    // certificate (records added when `records` > 0).
    void configure(StoreFixture& fixture, quint16 port, int records);

    ServerProcess m_server;
    QTemporaryDir m_dir;
    int m_databases = 0;
};

void TestSecurityTls::initTestCase()
{
    QVERIFY2(!opensslProgram().isEmpty(), "the openssl command line is needed (scripts/demo-pki "
                                          "uses it too)");
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.makePki({u"--test-certs"_s}));
    QVERIFY(m_server.start());
}

Probe TestSecurityTls::probeServer(const QStringList& options)
{
    QProcess client;
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.start(opensslProgram(),
                 QStringList{u"s_client"_s, u"-connect"_s, u"127.0.0.1:%1"_s.arg(m_server.port()),
                             u"-CAfile"_s, m_server.pki(u"ca.pem"_s), u"-cert"_s,
                             m_server.pki(u"site-750712184.pem"_s), u"-key"_s,
                             m_server.pki(u"site-750712184.key"_s), u"-verify_return_error"_s,
                             u"-ign_eof"_s} +
                     options);
    if (!client.waitForStarted(10000))
        return {};
    client.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    client.closeWriteChannel();
    // The server keeps the connection open after its answer: stop once the answer is in.
    QByteArray output;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 15000 && client.state() == QProcess::Running &&
           !output.contains("\"status\":\"ok\"")) {
        client.waitForReadyRead(100);
        output += client.readAll();
    }
    if (client.state() != QProcess::NotRunning) {
        client.kill();
        client.waitForFinished(5000);
    }
    output += client.readAll();
    return readClientOutput(QString::fromUtf8(output));
}

void TestSecurityTls::configure(StoreFixture& fixture, quint16 port, int records)
{
    QVERIFY(fixture.isValid());
    if (records > 0)
        addResultedRecords(fixture, records);
    auto admin = fixture.openAs(AdminName);
    QVERIFY(admin);
    QString error;
    QVERIFY2(m_server.configureWorkstation(*admin, &error, port), qPrintable(error));
}

void TestSecurityTls::serverTakesTls12AndLaterOnly_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("acceptedAs"); // empty: must be refused by the server
    // Security level 0 lets this OpenSSL client offer the old versions at all; a refusal is
    // then the server's doing.
    QTest::newRow("TLS 1.0") << QStringList{u"-tls1"_s, u"-cipher"_s, u"DEFAULT@SECLEVEL=0"_s}
                             << QString();
    QTest::newRow("TLS 1.1") << QStringList{u"-tls1_1"_s, u"-cipher"_s, u"DEFAULT@SECLEVEL=0"_s}
                             << QString();
    QTest::newRow("TLS 1.2") << QStringList{u"-tls1_2"_s} << u"TLSv1.2"_s;
    QTest::newRow("TLS 1.3") << QStringList{u"-tls1_3"_s} << u"TLSv1.3"_s;
}

void TestSecurityTls::serverTakesTls12AndLaterOnly()
{
    QFETCH(QStringList, options);
    QFETCH(QString, acceptedAs);
    const Probe probe = probeServer(options);
    qInfo("%s: %s", QTest::currentDataTag(), qPrintable(probe.describe()));
    if (acceptedAs.isEmpty()) {
        QVERIFY2(probe.outcome == Outcome::ServerRefused, qPrintable(probe.describe()));
        QVERIFY2(probe.detail.contains(u"protocol version"_s), qPrintable(probe.describe()));
    } else {
        QVERIFY2(probe.outcome == Outcome::Accepted, qPrintable(probe.describe()));
        QCOMPARE(probe.protocol, acceptedAs);
    }
}

void TestSecurityTls::serverRefusesWeakCiphers_data()
{
    QTest::addColumn<QString>("ciphers");
    QTest::addColumn<bool>("acceptable");
    // TLS 1.2 (TLS 1.3 has only AEAD suites). The server's key is ECDSA: suites for other
    // keys could never be chosen, so each list is what an ECDSA server could take.
    QTest::newRow("NULL encryption") << u"ECDHE-ECDSA-NULL-SHA:@SECLEVEL=0"_s << false;
    QTest::newRow("anonymous (no server authentication)") << u"aNULL:@SECLEVEL=0"_s << false;
    QTest::newRow("RC4") << u"RC4:@SECLEVEL=0"_s << false;
    QTest::newRow("3DES") << u"3DES:@SECLEVEL=0"_s << false;
    QTest::newRow("EXPORT") << u"EXPORT:@SECLEVEL=0"_s << false;
    // CBC with HMAC-SHA-1 (Lucky13-type padding oracles, SHA-1): outside ANSSI's and
    // Mozilla's recommended TLS 1.2 suites, which are AEAD with forward secrecy.
    QTest::newRow("CBC with HMAC-SHA-1")
        << u"ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA"_s << false;
    // The control: the same client and options do get a session with a good suite.
    QTest::newRow("AEAD with forward secrecy (control)")
        << u"ECDHE-ECDSA-AES128-GCM-SHA256"_s << true;
}

void TestSecurityTls::serverRefusesWeakCiphers()
{
    QFETCH(QString, ciphers);
    QFETCH(bool, acceptable);
    const Probe probe = probeServer({u"-tls1_2"_s, u"-cipher"_s, ciphers});
    qInfo("%s: %s", QTest::currentDataTag(), qPrintable(probe.describe()));
    if (acceptable) {
        QVERIFY2(probe.outcome == Outcome::Accepted, qPrintable(probe.describe()));
        QCOMPARE(probe.cipher, ciphers);
        return;
    }
    QVERIFY2(probe.outcome != Outcome::Accepted,
             qPrintable(u"sidep-server accepted a weak suite: "_s + probe.describe()));
    // Either the server said no (an alert), or OpenSSL 3 no longer has the suite at all.
    QVERIFY2(probe.outcome == Outcome::ServerRefused || probe.outcome == Outcome::ClientCannotOffer,
             qPrintable(probe.describe()));
}

void TestSecurityTls::workstationConfigurationTrustsTheSiteCaOnly()
{
    StoreFixture fixture;
    configure(fixture, 8443, 0);
    if (QTest::currentTestFailed())
        return;
    auto lab = fixture.openAs(LabName);
    QSslConfiguration tls;
    QUrl url;
    QString error;
    QVERIFY2(SyncSettings(*lab).load(&tls, &url, &error), qPrintable(error));

    const QSsl::SslProtocol protocol = tls.protocol();
    QVERIFY2(protocol == QSsl::TlsV1_2OrLater || protocol == QSsl::TlsV1_3OrLater ||
                 protocol == QSsl::TlsV1_2 || protocol == QSsl::TlsV1_3,
             qPrintable(u"protocol %1"_s.arg(int(protocol))));
    QCOMPARE(tls.peerVerifyMode(), QSslSocket::VerifyPeer);
    // The site's CA and nothing else: not the system's store, which would let any public CA
    // vouch for a server calling itself the national one.
    const QList<QSslCertificate> siteCa = QSslCertificate::fromPath(m_server.pki(u"ca.pem"_s));
    QCOMPARE(siteCa.size(), 1);
    QCOMPARE(tls.caCertificates(), siteCa);
    const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
    for (const QSslCertificate& certificate : tls.caCertificates())
        QVERIFY(!system.contains(certificate));
    QCOMPARE(url, QUrl(u"https://127.0.0.1:8443"_s));

    // Nothing the workstation would offer is without encryption, without authentication,
    // or one of the broken ciphers.
    QStringList weak;
    for (const QSslCipher& cipher : tls.ciphers()) {
        const QString name = cipher.name();
        if (cipher.encryptionMethod().contains(u"None"_s, Qt::CaseInsensitive) ||
            cipher.authenticationMethod().contains(u"None"_s, Qt::CaseInsensitive) ||
            name.contains(u"NULL"_s) || name.contains(u"RC4"_s) || name.contains(u"DES"_s) ||
            name.startsWith(u"EXP"_s) || name.startsWith(u"ADH"_s) || name.startsWith(u"AECDH"_s) ||
            cipher.usedBits() < 128) {
            weak.append(name);
        }
    }
    QVERIFY(!tls.ciphers().isEmpty());
    QVERIFY2(weak.isEmpty(), qPrintable(weak.join(u", "_s)));
}

void TestSecurityTls::workstationRefusesWeakServers_data()
{
    QTest::addColumn<QStringList>("serverOptions");
    QTest::addColumn<bool>("acceptable");
    const QString legacy = u"DEFAULT@SECLEVEL=0"_s;
    QTest::newRow("server of TLS 1.0 only")
        << QStringList{u"-tls1"_s, u"-cipher"_s, legacy} << false;
    QTest::newRow("server of TLS 1.1 only")
        << QStringList{u"-tls1_1"_s, u"-cipher"_s, legacy} << false;
    QTest::newRow("TLS 1.2 server with NULL encryption only")
        << QStringList{u"-tls1_2"_s, u"-cipher"_s, u"ECDHE-ECDSA-NULL-SHA:@SECLEVEL=0"_s} << false;
    QTest::newRow("TLS 1.2 anonymous server (no certificate)")
        << QStringList{u"-tls1_2"_s, u"-nocert"_s, u"-cipher"_s, u"aNULL:@SECLEVEL=0"_s} << false;
    QTest::newRow("TLS 1.2 server with CBC HMAC-SHA-1 only")
        << QStringList{u"-tls1_2"_s, u"-cipher"_s,
                       u"ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA"_s}
        << false;
    // The controls: the same socket and configuration get a session from a sound server.
    QTest::newRow("TLS 1.2 server with AEAD (control)")
        << QStringList{u"-tls1_2"_s, u"-cipher"_s, u"ECDHE-ECDSA-AES128-GCM-SHA256"_s} << true;
    QTest::newRow("TLS 1.3 server (control)") << QStringList{u"-tls1_3"_s} << true;
}

// The TLS configuration SyncSettings::load() gives the sync (and its HTTPS transport), on a
// bare socket against servers that offer only what the workstation must not take.
void TestSecurityTls::workstationRefusesWeakServers()
{
    QFETCH(QStringList, serverOptions);
    QFETCH(bool, acceptable);
    OpensslServer server;
    QVERIFY(server.start(m_server, serverOptions));
    StoreFixture fixture;
    configure(fixture, server.port(), 0);
    if (QTest::currentTestFailed())
        return;
    auto lab = fixture.openAs(LabName);
    QSslConfiguration tls;
    QUrl url;
    QString error;
    QVERIFY2(SyncSettings(*lab).load(&tls, &url, &error), qPrintable(error));

    QSslSocket socket;
    socket.setSslConfiguration(tls);
    QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
    QSignalSpy failed(&socket, &QSslSocket::errorOccurred);
    socket.connectToHostEncrypted(url.host(), quint16(url.port()));
    QTRY_VERIFY_WITH_TIMEOUT(!encrypted.isEmpty() || !failed.isEmpty(), 15000);
    const QString outcome =
        encrypted.isEmpty()
            ? u"refused: %1 (the server said: %2)"_s.arg(
                  socket.errorString(),
                  server.output().split(u'\n', Qt::SkipEmptyParts).mid(1).join(u" / "_s))
            : u"session %1 with %2"_s.arg(socket.sessionProtocol() == QSsl::TlsV1_3 ? u"TLS 1.3"_s
                                                                                    : u"TLS 1.2"_s,
                                          socket.sessionCipher().name());
    qInfo("%s: %s", QTest::currentDataTag(), qPrintable(outcome));
    QVERIFY2(encrypted.isEmpty() != acceptable, qPrintable(outcome));
    if (!acceptable)
        QCOMPARE(socket.error(), QAbstractSocket::SslHandshakeFailedError);
}

void TestSecurityTls::badServerCertificatesStopSidepctlSync_data()
{
    // A demo-pki server certificate for sidep-server, or "openssl-tls1_1" for an
    // `openssl s_server` of TLS 1.1 only.
    QTest::addColumn<QString>("server");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("said");

    QTest::newRow("expired server certificate")
        << u"expired-server"_s << 7 << u"the server's certificate has expired"_s;
    QTest::newRow("server certificate for another host")
        << u"wrong-host-server"_s << 7 << u"not valid for the host name 127.0.0.1"_s;
    QTest::newRow("server certificate from another CA")
        << u"other-server"_s << 7 << u"not issued by the site's configured CA"_s;
    QTest::newRow("server of TLS 1.1 only")
        << u"openssl-tls1_1"_s << 7 << u"no TLS version in common"_s;
    QTest::newRow("the site's own server (control)") << u"server"_s << 0 << u"acknowledged: 2"_s;
}

void TestSecurityTls::badServerCertificatesStopSidepctlSync()
{
    QFETCH(QString, server);
    QFETCH(int, exitCode);
    QFETCH(QString, said);
    const QString sidepctl = qEnvironmentVariable("SIDEPCTL");
    QVERIFY2(QFile::exists(sidepctl), "SIDEPCTL must name the sidepctl executable");

    ServerProcess national;
    national.sharePkiWith(m_server);
    OpensslServer outdated;
    quint16 port = 0;
    if (server.startsWith(u"openssl-"_s)) {
        QVERIFY(outdated.start(m_server, {u"-tls1_1"_s, u"-cipher"_s, u"DEFAULT@SECLEVEL=0"_s}));
        port = outdated.port();
    } else {
        national.setDatabase(u"sqlite://"_s +
                             m_dir.filePath(u"server-%1.sqlite"_s.arg(++m_databases)));
        QVERIFY(national.start(0, {u"--cert"_s, m_server.pki(server + u".pem"_s), u"--key"_s,
                                   m_server.pki(server + u".key"_s)}));
        port = national.port();
    }
    StoreFixture fixture;
    configure(fixture, port, 2);
    if (QTest::currentTestFailed())
        return;

    QProcess process;
    process.start(sidepctl, {u"--db"_s, fixture.path(), u"--user"_s, LabName, u"--password-stdin"_s,
                             u"sync"_s});
    QVERIFY(process.waitForStarted(10000));
    process.write((Password + u'\n').toUtf8());
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(60000));
    const QString output = QString::fromUtf8(process.readAllStandardOutput()) +
                           QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(process.exitCode() == exitCode, qPrintable(output));
    QVERIFY2(output.contains(said), qPrintable(output));
    if (server.startsWith(u"openssl-"_s))
        return;
    // Nothing reached the server through a refused connection.
    static const QRegularExpression total(u"total\\s+(\\d+)"_s);
    const auto match =
        total.match(national.run({u"stats"_s, u"--database"_s, national.database()}));
    QVERIFY(match.hasMatch());
    QCOMPARE(match.captured(1).toInt(), exitCode == 0 ? 2 : 0);
}

QTEST_GUILESS_MAIN(TestSecurityTls)
#include "TestSecurityTls.moc"
