#include "ServerProcess.h"

#include "SecureBytes.h"
#include "Store.h"
#include "SyncSettings.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

ServerProcess::ServerProcess()
    : m_pkiDir(m_dir.filePath(u"pki"_s))
    , m_database(u"sqlite://"_s + m_dir.filePath(u"server.sqlite"_s))
{}

ServerProcess::~ServerProcess()
{
    stop();
}

QString ServerProcess::pki(const QString& name) const
{
    return m_pkiDir + u'/' + name;
}

bool ServerProcess::configureWorkstation(Store& admin, QString* error, quint16 port) const
{
    SyncSettings settings(admin);
    QStringList warnings;
    return settings.setServerUrl(u"https://127.0.0.1:%1"_s.arg(port ? port : m_port), error) &&
           settings.importCaCertificates(pki(u"ca.pem"_s), &warnings, error) &&
           settings.importPkcs12(pki(u"site-750712184.p12"_s), SecureBytes::fromUtf8(u"demo"_s),
                                 &warnings, error);
}

QProcessEnvironment ServerProcess::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Never the user's own default database, even by mistake.
    environment.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));
#if defined(__SANITIZE_ADDRESS__) || defined(__has_feature) && __has_feature(address_sanitizer)
    // AddressSanitizer holds up to 256 MiB of freed blocks in quarantine: the tests that
    // bound the server's peak memory would measure the quarantine, not the server. A small
    // one still catches a use soon after a free; the defaults built in stay (see
    // tests/sanitizers/SanitizerOptions.cpp).
    QString asanOptions = environment.value(u"ASAN_OPTIONS"_s);
    if (!asanOptions.contains(u"quarantine_size_mb"_s))
        environment.insert(u"ASAN_OPTIONS"_s, asanOptions +
                                                  (asanOptions.isEmpty() ? u""_s : u":"_s) +
                                                  u"quarantine_size_mb=16"_s);
#endif
    environment.insert(m_extraEnvironment);
    return environment;
}

bool ServerProcess::makePki(const QStringList& extraArguments)
{
    QProcess demo;
    demo.setProcessChannelMode(QProcess::MergedChannels);
    demo.start(qEnvironmentVariable("DEMO_PKI"), extraArguments + QStringList{m_pkiDir});
    if (demo.waitForFinished(60000) && demo.exitCode() == 0)
        return true;
    qWarning("demo-pki failed: %s", demo.readAll().constData());
    return false;
}

bool ServerProcess::start(quint16 port, const QStringList& extraArguments)
{
    m_process.setProcessEnvironment(environment());
    // The server's log (ids and outcomes only) goes to the test's output, or to log().
    m_log.clear();
    m_process.setProcessChannelMode(m_captureLog ? QProcess::SeparateChannels
                                                 : QProcess::ForwardedErrorChannel);
    m_process.start(qEnvironmentVariable("SIDEP_SERVER"),
                    QStringList{u"serve"_s, u"--listen"_s, u"127.0.0.1:%1"_s.arg(port), u"--cert"_s,
                                pki(u"server.pem"_s), u"--key"_s, pki(u"server.key"_s),
                                u"--client-ca"_s, pki(u"ca.pem"_s), u"--database"_s, m_database} +
                        extraArguments);
    if (!m_process.waitForStarted(10000))
        return false;
    static const QRegularExpression listening(u"listening on 127\\.0\\.0\\.1:(\\d+)"_s);
    QByteArray output;
    for (int i = 0; i < 100 && m_process.state() == QProcess::Running; ++i) {
        m_process.waitForReadyRead(100);
        output += m_process.readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(output));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            return true;
        }
    }
    qWarning("sidep-server did not start: %s", output.constData());
    return false;
}

QString ServerProcess::log()
{
    m_log += m_process.readAllStandardError();
    return QString::fromUtf8(m_log);
}

void ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString ServerProcess::run(const QStringList& arguments)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(qEnvironmentVariable("SIDEP_SERVER"), arguments);
    if (!process.waitForFinished(15000) || process.exitCode() != 0) {
        qWarning("sidep-server %s failed: %s", qPrintable(arguments.join(u' ')),
                 process.readAllStandardError().constData());
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}
