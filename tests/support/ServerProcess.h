#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

class Store;

// The real sidep-server as a child process of a test: a throw-away demo PKI
// (scripts/demo-pki, named by $DEMO_PKI), a temporary SQLite database, loopback only.
// The executable is named by $SIDEP_SERVER. Stopped when destroyed.
class ServerProcess
{
public:
    ServerProcess();
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // Runs the demo PKI script into pki/ with these extra arguments (--test-certs...).
    [[nodiscard]] bool makePki(const QStringList& extraArguments = {});
    // `serve` on 127.0.0.1:port (0: a free port, read back from the server's output), with
    // these extra `serve` options.
    [[nodiscard]] bool start(quint16 port = 0, const QStringList& extraArguments = {});
    // Another database than this process's own SQLite file (postgresql://...), for `serve`
    // and for what database() gives to `stats` and `export`.
    void setDatabase(const QString& url) { m_database = url; }
    // Uses another instance's PKI (certificates made once for two servers).
    void sharePkiWith(const ServerProcess& other) { m_pkiDir = other.m_pkiDir; }
    // An extra variable in the server's environment.
    void setEnvironmentVariable(const QString& name, const QString& value)
    {
        m_extraEnvironment.insert(name, value);
    }
    // The server's standard error kept for log() instead of going to the test's output.
    void setCaptureLog(bool capture) { m_captureLog = capture; }
    // What the server wrote to its standard error so far (with setCaptureLog(true)).
    QString log();
    // The running server's process id (0 when not running), for /proc readings.
    qint64 pid() const { return m_process.processId(); }
    void stop();
    // `sidep-server ARGUMENTS` to completion: its standard output, empty on failure.
    QString run(const QStringList& arguments);

    QString pki(const QString& name) const;
    // Points a workstation at this server, as its administrator would in the settings: the
    // address 127.0.0.1:`port` (this server's when 0), the demo CA and the demo site's
    // certificate (site-750712184.p12). `admin` is the store signed in as an administrator.
    [[nodiscard]] bool configureWorkstation(Store& admin, QString* error, quint16 port = 0) const;
    QString database() const { return m_database; }
    quint16 port() const { return m_port; }

private:
    QProcessEnvironment environment() const;

    QTemporaryDir m_dir;
    QString m_pkiDir;
    QString m_database;
    QProcessEnvironment m_extraEnvironment;
    QProcess m_process;
    quint16 m_port = 0;
    bool m_captureLog = false;
    QByteArray m_log;
};
