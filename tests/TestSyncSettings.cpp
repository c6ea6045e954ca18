#include "AuditLog.h"
#include "SidepCtl.h"
#include "SidepCtlRun.h"
#include "Store.h"
#include "StoreTestAccess.h"
#include "SyncSettings.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

const QString Site = u"site-750712184"_s;
const QString SiteCert = Site + u".pem"_s;
const QString SiteKey = Site + u".key"_s;
const QString SiteP12 = Site + u".p12"_s;
const QString ExpiredCert = u"expired-"_s + SiteCert;
const QString ExpiredKey = u"expired-"_s + SiteKey;
const QString ExpiredP12 = u"expired-"_s + SiteP12;
const QString ServerUrl = u"https://127.0.0.1:8443"_s;

using Run = SidepCtlRun;

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

SecureBytes secret(const char* text)
{
    return SecureBytes(text, std::strlen(text));
}

} // namespace

// The workstation's sync settings: import of the CA and the site's certificate (PEM and
// PKCS#12), the checks that refuse bad ones, the private key kept only sealed, the TLS
// configuration handed to the sync engine, and the sidepctl config commands.
class TestSyncSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void importPemAndLoad();
    void importPkcs12AndLoad();
    void encryptedPemKey();
    void privateKeyNeverInStoreFiles();
    void refusals_data();
    void refusals();
    void nurseCannotChangeAnything();
    void loadNeedsEverything();
    void auditNamesChangesWithoutSecrets();
    void sidepctlConfig();

private:
    QString pki(const QString& name) const { return m_pki.filePath(name); }
    bool openssl(const QStringList& arguments);
    void importAll(SyncSettings& settings);
    void verifyConfiguration(const QSslConfiguration& config, const QUrl& url);
    Run as(const QString& user, const QStringList& arguments, const QByteArray& input = {});

    QTemporaryDir m_pki;
    std::unique_ptr<StoreFixture> m_fixture;
    std::unique_ptr<Store> m_admin;
};

void TestSyncSettings::initTestCase()
{
    const QString script = qEnvironmentVariable("DEMO_PKI");
    QVERIFY2(QFileInfo(script).isExecutable(), "DEMO_PKI must name scripts/demo-pki");
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(script, {u"--test-certs"_s, m_pki.path()});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAll().constData());
    for (const QString& name : {u"ca.pem"_s, u"server.pem"_s, SiteCert, SiteKey, SiteP12,
                                ExpiredCert, u"other-ca.pem"_s, u"wrong-host-server.pem"_s})
        QVERIFY2(QFile::exists(pki(name)), qPrintable(name));
    // Run again: the CA is kept.
    const QByteArray ca = readAll(pki(u"ca.pem"_s));
    process.start(script, {m_pki.path()});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(readAll(pki(u"ca.pem"_s)), ca);
}

void TestSyncSettings::init()
{
    m_fixture = std::make_unique<StoreFixture>();
    QVERIFY(m_fixture->isValid());
    m_admin = m_fixture->openAs(AdminName);
    QVERIFY(m_admin);
}

void TestSyncSettings::cleanup()
{
    m_admin.reset();
    m_fixture.reset();
}

bool TestSyncSettings::openssl(const QStringList& arguments)
{
    QProcess process;
    process.start(u"openssl"_s, arguments);
    return process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit &&
           process.exitCode() == 0;
}

void TestSyncSettings::importAll(SyncSettings& settings)
{
    QString error;
    QStringList warnings;
    QVERIFY2(settings.setServerUrl(ServerUrl, &error), qPrintable(error));
    QVERIFY2(settings.importCaCertificates(pki(u"ca.pem"_s), &warnings, &error), qPrintable(error));
    QVERIFY2(settings.importClientCertificate(pki(SiteCert), pki(SiteKey), {}, &warnings, &error),
             qPrintable(error));
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
}

void TestSyncSettings::verifyConfiguration(const QSslConfiguration& config, const QUrl& url)
{
    QCOMPARE(url, QUrl(ServerUrl));
    QCOMPARE(config.protocol(), QSsl::TlsV1_2OrLater);
    QCOMPARE(config.peerVerifyMode(), QSslSocket::VerifyPeer);
    // The demo CA and nothing else: no system store.
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(pki(u"ca.pem"_s));
    QCOMPARE(ca.size(), 1);
    QCOMPARE(config.caCertificates(), ca);
    const QList<QSslCertificate> site = QSslCertificate::fromPath(pki(SiteCert));
    QCOMPARE(config.localCertificate(), site.first());
    const QSslKey expectedKey(readAll(pki(SiteKey)), QSsl::Ec, QSsl::Pem);
    QVERIFY(!expectedKey.isNull());
    QVERIFY(!config.privateKey().isNull());
    QCOMPARE(config.privateKey().toDer(), expectedKey.toDer());
}

void TestSyncSettings::importPemAndLoad()
{
    SyncSettings settings(*m_admin);
    QVERIFY(!settings.status().isComplete());
    importAll(settings);
    QVERIFY(settings.status().isComplete());

    // A new session on the same file reads back the same configuration.
    m_admin.reset();
    std::unique_ptr<Store> nurse = m_fixture->openAs(NurseName);
    QVERIFY(nurse);
    QSslConfiguration config;
    QUrl url;
    QString error;
    QVERIFY2(SyncSettings(*nurse).load(&config, &url, &error), qPrintable(error));
    verifyConfiguration(config, url);

    const SyncSettings::Status status = SyncSettings(*nurse).status();
    QCOMPARE(status.caCertificates.size(), 1);
    QCOMPARE(status.caCertificates.first().subject, u"SIDEP demo CA"_s);
    QVERIFY(status.clientCertificate);
    QCOMPARE(status.clientCertificate->subject, SiteFiness);
    QVERIFY(status.clientCertificate->expiry > QDateTime::currentDateTimeUtc());
    const QString text = status.describe().join(u'\n');
    QVERIFY(text.contains(ServerUrl));
    QVERIFY(!text.contains(u"PRIVATE KEY"_s));
}

void TestSyncSettings::importPkcs12AndLoad()
{
    SyncSettings settings(*m_admin);
    QString error;
    QStringList warnings;
    QVERIFY(settings.setServerUrl(ServerUrl, &error));
    QVERIFY(settings.importCaCertificates(pki(u"ca.pem"_s), &warnings, &error));
    QVERIFY(!settings.importPkcs12(pki(SiteP12), secret("not demo"), &warnings, &error));
    QVERIFY2(error.contains(u"wrong password"_s), qPrintable(error));
    QVERIFY(!settings.status().clientCertificate);
    QVERIFY2(settings.importPkcs12(pki(SiteP12), secret("demo"), &warnings, &error),
             qPrintable(error));
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));

    QSslConfiguration config;
    QUrl url;
    QVERIFY2(settings.load(&config, &url, &error), qPrintable(error));
    verifyConfiguration(config, url);
    // The CA inside the PKCS#12 file is not sent along: it is the trust anchor, not a link.
    QCOMPARE(config.localCertificateChain().size(), 1);
}

void TestSyncSettings::encryptedPemKey()
{
    const QString encrypted = m_pki.filePath(u"encrypted.key"_s);
    QVERIFY(openssl({u"pkey"_s, u"-in"_s, pki(SiteKey), u"-aes256"_s, u"-passout"_s,
                     u"pass:open sesame"_s, u"-out"_s, encrypted}));
    SyncSettings settings(*m_admin);
    QString error;
    QStringList warnings;
    QVERIFY(!settings.importClientCertificate(pki(SiteCert), encrypted, {}, &warnings, &error));
    QVERIFY2(error.contains(u"passphrase"_s), qPrintable(error));
    QVERIFY(!settings.importClientCertificate(pki(SiteCert), encrypted, secret("open sesam"),
                                              &warnings, &error));
    QVERIFY2(error.contains(u"does not open"_s), qPrintable(error));
    QVERIFY2(settings.importClientCertificate(pki(SiteCert), encrypted, secret("open sesame"),
                                              &warnings, &error),
             qPrintable(error));
    QVERIFY(settings.status().hasPrivateKey);
}

void TestSyncSettings::privateKeyNeverInStoreFiles()
{
    SyncSettings settings(*m_admin);
    importAll(settings);
    QString error;
    QStringList warnings;
    QVERIFY(settings.importPkcs12(pki(SiteP12), secret("demo"), &warnings, &error));

    // Every form of the key: the PEM file, its base64 lines, and the DER encodings
    // (SEC1 and PKCS#8, the form that is sealed).
    const QByteArray pem = readAll(pki(SiteKey));
    QList<QByteArray> needles{pem};
    for (const QByteArray& line : pem.split('\n')) {
        if (line.size() >= 16 && !line.startsWith("-----"))
            needles.append(line);
    }
    const QSslKey key(pem, QSsl::Ec, QSsl::Pem);
    needles.append(key.toDer());
    const QString pkcs8Der = m_pki.filePath(u"key.pk8.der"_s);
    QVERIFY(openssl({u"pkcs8"_s, u"-topk8"_s, u"-nocrypt"_s, u"-in"_s, pki(SiteKey), u"-outform"_s,
                     u"DER"_s, u"-out"_s, pkcs8Der}));
    needles.append(readAll(pkcs8Der));
    QVERIFY(needles.size() >= 4);

    // The scan itself works: the certificate, stored in clear, is found.
    const QByteArray certificate = readAll(pki(SiteCert));
    auto scan = [&] {
        QByteArray all;
        for (const QString& suffix : {u""_s, u"-wal"_s, u"-shm"_s}) {
            const QByteArray content = readAll(m_fixture->path() + suffix);
            all += content;
            for (const QByteArray& needle : std::as_const(needles))
                QVERIFY2(!content.contains(needle), qPrintable(u"key bytes in store"_s + suffix));
            QVERIFY(!content.contains("PRIVATE KEY"));
        }
        QVERIFY(all.contains(certificate));
    };
    scan();
    if (QTest::currentTestFailed())
        return;
    // And after the WAL is folded into the main file.
    StoreTestAccess::database(*m_admin).checkpoint();
    m_admin.reset();
    scan();
}

void TestSyncSettings::refusals_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<QString>("message");

    QTest::newRow("http URL") << u"url"_s << u"http://127.0.0.1:8443"_s << QString()
                              << u"https://"_s;
    QTest::newRow("URL without host") << u"url"_s << u"https://"_s << QString() << u"host"_s;
    QTest::newRow("URL with password")
        << u"url"_s << u"https://site:secret@127.0.0.1/"_s << QString() << u"password"_s;
    QTest::newRow("server certificate as CA")
        << u"ca"_s << u"server.pem"_s << QString() << u"not a CA"_s;
    QTest::newRow("site certificate as CA") << u"ca"_s << SiteCert << QString() << u"not a CA"_s;
    QTest::newRow("CA file with a key") << u"ca"_s << u"ca.key"_s << QString() << u"private key"_s;
    QTest::newRow("not PEM") << u"ca"_s << SiteP12 << QString() << u"no PEM"_s;
    QTest::newRow("key of another certificate")
        << u"cert"_s << SiteCert << u"server.key"_s << u"does not belong"_s;
    QTest::newRow("expired client certificate")
        << u"cert"_s << ExpiredCert << ExpiredKey << u"expired"_s;
    QTest::newRow("expired client certificate, PKCS#12")
        << u"p12"_s << ExpiredP12 << QString() << u"expired"_s;
    QTest::newRow("server certificate as client")
        << u"cert"_s << u"server.pem"_s << u"server.key"_s << u"clientAuth"_s;
    QTest::newRow("CA as client") << u"cert"_s << u"ca.pem"_s << u"ca.key"_s << u"CA"_s;
    QTest::newRow("certificate as key")
        << u"cert"_s << SiteCert << SiteCert << u"not a PEM private key"_s;
    QTest::newRow("missing file") << u"ca"_s << u"nothing.pem"_s << QString() << u"cannot read"_s;
}

void TestSyncSettings::refusals()
{
    QFETCH(QString, kind);
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(QString, message);
    SyncSettings settings(*m_admin);
    QString error;
    QStringList warnings;
    bool accepted = true;
    if (kind == u"url"_s)
        accepted = settings.setServerUrl(first, &error);
    else if (kind == u"ca"_s)
        accepted = settings.importCaCertificates(pki(first), &warnings, &error);
    else if (kind == u"p12"_s)
        accepted = settings.importPkcs12(pki(first), secret("demo"), &warnings, &error);
    else
        accepted = settings.importClientCertificate(pki(first), pki(second), {}, &warnings, &error);
    QVERIFY(!accepted);
    QVERIFY2(error.contains(message), qPrintable(error));
    // Nothing of the refused input was kept; and no secret is in the message.
    const SyncSettings::Status status = settings.status();
    QVERIFY(status.url.isEmpty() && status.caCertificates.isEmpty() && !status.clientCertificate &&
            !status.hasPrivateKey);
    QVERIFY(!error.contains(u"secret"_s) && !error.contains(u"BEGIN"_s));
}

void TestSyncSettings::nurseCannotChangeAnything()
{
    std::unique_ptr<Store> nurse = m_fixture->openAs(NurseName);
    QVERIFY(nurse);
    SyncSettings settings(*nurse);
    QString error;
    QStringList warnings;
    QVERIFY(!settings.setServerUrl(ServerUrl, &error));
    QVERIFY2(error.contains(u"nurse"_s), qPrintable(error));
    error.clear();
    QVERIFY(!settings.importCaCertificates(pki(u"ca.pem"_s), &warnings, &error));
    QVERIFY2(error.contains(u"does not allow"_s), qPrintable(error));
    error.clear();
    QVERIFY(!settings.importClientCertificate(pki(SiteCert), pki(SiteKey), {}, &warnings, &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!settings.importPkcs12(pki(SiteP12), secret("demo"), &warnings, &error));
    QVERIFY(!error.isEmpty());
    const SyncSettings::Status status = settings.status();
    QVERIFY(status.url.isEmpty() && status.caCertificates.isEmpty() && !status.hasPrivateKey);
}

void TestSyncSettings::loadNeedsEverything()
{
    SyncSettings settings(*m_admin);
    QSslConfiguration config;
    QUrl url;
    QString error;
    QStringList warnings;
    QVERIFY(!settings.load(&config, &url, &error));
    QVERIFY2(error.contains(u"sync.url"_s), qPrintable(error));
    QVERIFY(settings.setServerUrl(ServerUrl, &error));
    QVERIFY(!settings.load(&config, &url, &error));
    QVERIFY2(error.contains(u"import-ca"_s), qPrintable(error));
    QVERIFY(settings.importCaCertificates(pki(u"ca.pem"_s), &warnings, &error));
    QVERIFY(!settings.load(&config, &url, &error));
    QVERIFY2(error.contains(u"import-cert"_s), qPrintable(error));

    // Signed out, the sealed key cannot be opened.
    m_admin->signOut();
    QVERIFY(!settings.load(&config, &url, &error));
}

void TestSyncSettings::auditNamesChangesWithoutSecrets()
{
    SyncSettings settings(*m_admin);
    importAll(settings);
    QString error;
    QStringList warnings;
    QVERIFY(settings.importPkcs12(pki(SiteP12), secret("demo"), &warnings, &error));
    QStringList actions;
    for (const AuditLog::Entry& entry : m_admin->auditLog()->entries()) {
        actions.append(entry.action);
        QVERIFY(!entry.detail.contains(u"PRIVATE"_s));
        QVERIFY(!entry.detail.contains(u"demo"_s, Qt::CaseSensitive) ||
                entry.detail.contains(u"SIDEP demo"_s));
    }
    QCOMPARE(actions.count(u"sync.url"_s), 1);
    QCOMPARE(actions.count(u"sync.ca"_s), 1);
    QCOMPARE(actions.count(u"sync.clientCertificate"_s), 2);
    QVERIFY(m_admin->auditLog()->verify().isEmpty());
}

Run TestSyncSettings::as(const QString& user, const QStringList& arguments, const QByteArray& input)
{
    return runSidepCtl(QStringList{u"--db"_s, m_fixture->path(), u"--user"_s, user,
                                   u"--password-stdin"_s, u"config"_s} +
                           arguments,
                       Password.toUtf8() + '\n' + input);
}

void TestSyncSettings::sidepctlConfig()
{
    m_admin.reset();
    const QString cert = pki(SiteCert);
    const QString key = pki(SiteKey);
    auto expect = [](const Run& run, int code, const QString& text) {
        QVERIFY2(run.code == code,
                 qPrintable(u"exit %1, expected %2: %3%4"_s.arg(run.code).arg(code).arg(run.out,
                                                                                        run.err)));
        const QString all = run.out + run.err;
        QVERIFY2(all.contains(text), qPrintable(all));
    };

    expect(as(AdminName, {u"set"_s, u"sync.url"_s, u"http://127.0.0.1:8443"_s}), SidepCtl::Invalid,
           u"https://"_s);
    expect(as(AdminName, {u"set"_s, u"sync.url"_s, ServerUrl}), SidepCtl::Success, ServerUrl);
    expect(as(AdminName, {u"set"_s, u"sync.other"_s, u"x"_s}), SidepCtl::Usage, u"sync.other"_s);
    expect(as(AdminName, {u"frobnicate"_s}), SidepCtl::Usage, u"import-ca"_s);
    expect(as(AdminName, {u"import-ca"_s, pki(u"nothing.pem"_s)}), SidepCtl::NotFound,
           u"nothing.pem"_s);
    expect(as(AdminName, {u"import-ca"_s, pki(u"server.pem"_s)}), SidepCtl::Invalid, u"not a CA"_s);
    expect(as(NurseName, {u"import-ca"_s, pki(u"ca.pem"_s)}), SidepCtl::AccessDenied,
           u"does not allow"_s);
    expect(as(AdminName, {u"import-ca"_s, pki(u"ca.pem"_s)}), SidepCtl::Success,
           u"SIDEP demo CA"_s);
    expect(as(AdminName, {u"import-cert"_s, cert, pki(u"server.key"_s)}), SidepCtl::Invalid,
           u"does not belong"_s);
    expect(as(AdminName, {u"import-cert"_s, cert}), SidepCtl::Usage, u".p12"_s);
    expect(as(AdminName, {u"import-cert"_s, cert, key}), SidepCtl::Success, SiteFiness);
    expect(as(AdminName, {u"import-cert"_s, pki(SiteP12)}, "wrong\n"), SidepCtl::Invalid,
           u"wrong password"_s);
    expect(as(AdminName, {u"import-cert"_s, pki(SiteP12)}, "demo\n"), SidepCtl::Success,
           SiteFiness);
    expect(as(NurseName, {u"import-cert"_s, pki(SiteP12)}, "demo\n"), SidepCtl::AccessDenied,
           u"does not allow"_s);

    // An encrypted key: refused without its passphrase, with a hint; read from stdin.
    const QString encrypted = m_pki.filePath(u"cli-encrypted.key"_s);
    QVERIFY(openssl({u"pkey"_s, u"-in"_s, key, u"-aes256"_s, u"-passout"_s, u"pass:sesame"_s,
                     u"-out"_s, encrypted}));
    expect(as(AdminName, {u"import-cert"_s, cert, encrypted}), SidepCtl::Invalid,
           u"--key-passphrase-stdin"_s);
    expect(
        as(AdminName, {u"import-cert"_s, cert, encrypted, u"--key-passphrase-stdin"_s}, "sesame\n"),
        SidepCtl::Success, SiteFiness);

    const Run shown =
        runSidepCtl({u"--db"_s, m_fixture->path(), u"config"_s, u"show"_s}, QByteArray());
    expect(shown, SidepCtl::Success, ServerUrl);
    QVERIFY(shown.out.contains(u"SIDEP demo CA"_s));
    QVERIFY(shown.out.contains(SiteFiness));
    QVERIFY(shown.out.contains(u"encrypted"_s));
    QVERIFY(!shown.out.contains(u"PRIVATE"_s));
    const Run help = runSidepCtl({u"--help"_s}, QByteArray());
    QVERIFY(help.out.contains(u"config import-cert"_s));
}

QTEST_GUILESS_MAIN(TestSyncSettings)
#include "TestSyncSettings.moc"
