#pragma once

#include <QAbstractSocket>
#include <QByteArray>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QString>
#include <memory>

// What an attacker on the network or with a site certificate sends to the national server,
// as raw bytes over TLS (QSslSocket) with the demo PKI: the probes of TestServerHardening
// (sidep-server alone) and TestServerFront (nginx in front of it). Loopback only, each
// bounded in bytes and time; a server's memory, CPU time and descriptors read from /proc.
class ServerProbes
{
public:
    // One HTTP answer as read off the wire.
    struct Answer
    {
        int status = 0;  // 0: no status line before the connection closed or time ran out
        QByteArray head; // status line and headers
        QByteArray body;
        bool closed = false; // the server closed the connection (after the answer, or instead)
        QString failure;     // without an answer: what happened instead
        QByteArray header(const QByteArray& name) const;
    };

    // What /proc says of a process.
    struct Usage
    {
        qint64 peakKib = 0;     // VmHWM
        qint64 residentKib = 0; // VmRSS
        qint64 cpuMs = 0;       // user + system time
        int descriptors = 0;    // open file descriptors
    };

    // `pkiDir`: a scripts/demo-pki folder; `port`: where the server (or its front) listens.
    ServerProbes(const QString& pkiDir, quint16 port);

    void setPort(quint16 port) { m_port = port; }
    quint16 port() const { return m_port; }

    // A client's TLS: the demo-pki certificate `clientName` ("site-750712184"; none when
    // empty), trusting ca.pem only.
    QSslConfiguration tls(const QString& clientName) const;
    // A connection whose handshake finished within `timeoutMs`, from `source` (another
    // loopback address stands for another machine); null if it did not.
    std::unique_ptr<QSslSocket> connectTls(const QString& clientName, int timeoutMs = 10000,
                                           const QHostAddress& source = {}) const;
    // Writes `request` and reads one answer (until its Content-Length, a close or the time).
    static Answer exchange(QAbstractSocket& socket, const QByteArray& request,
                           int timeoutMs = 15000);
    // The same on a connection of its own.
    Answer send(const QString& clientName, const QByteArray& request, int timeoutMs = 15000) const;
    // GET /health on a new connection: the status, 0 when no answer came.
    int health(const QString& clientName = QStringLiteral("site-750712184"),
               int timeoutMs = 10000) const;
    // Reads an answer already on its way (after exchange()'s write, or a server's own).
    static Answer readAnswer(QAbstractSocket& socket, int timeoutMs);

    static QByteArray get(const QByteArray& path, const QByteArray& extraHeaders = {});
    static QByteArray post(const QByteArray& path, const QByteArray& body,
                           const QByteArray& extraHeaders = {});

    static Usage usage(qint64 pid);

private:
    QString m_pkiDir;
    quint16 m_port;
};
