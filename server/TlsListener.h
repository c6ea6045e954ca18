#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QSslConfiguration>
#include <QTcpServer>
#include <functional>

class QSslSocket;

// The TLS side of the server's accept loop. Qt's QSslServer (which Qt HttpServer 6.4 uses)
// keeps each accepted socket in QTcpServer's pending list, counted against
// maxPendingConnections() (30) until its handshake ends, and stops watching the listening
// socket when the count is reached; a socket that goes away before its handshake ends leaves
// the list without anything starting the watch again, so 30 connections opened and closed
// stop the server accepting for good. Here the pending list is never used: each connection
// is taken at once, its handshake runs under a deadline, the handshakes in flight are
// bounded (overall and per client address) and what exceeds the bound is closed at once.
// Nothing but the process's end stops the accept loop; an accept error (no descriptor
// left) pauses it for a moment only.
class TlsListener : public QTcpServer
{
    Q_OBJECT

public:
    struct Limits
    {
        // A handshake costs a few milliseconds of CPU; 128 at once is more than a national
        // fleet's workstations ever start together, and bounds what clients that never finish
        // theirs can hold.
        int maxHandshakes = 128;
        // So that one address (a scanner, one misbehaving machine) cannot take every slot;
        // a site's workstations behind one NAT still handshake 32 at a time.
        int maxHandshakesPerAddress = 32;
        // A handshake takes two round trips: 10 s leaves room for a congested link.
        int handshakeTimeoutMs = 10000;
    };

    explicit TlsListener(QObject* parent = nullptr);

    void setTlsConfiguration(const QSslConfiguration& tls) { m_tls = tls; }
    void setLimits(const Limits& limits) { m_limits = limits; }
    // Asked before a new connection's handshake starts: false closes it at once (the
    // owner's cap on open connections).
    void setAdmission(std::function<bool()> admit) { m_admit = std::move(admit); }
    int handshakesInFlight() const { return int(m_handshakes.size()); }

Q_SIGNALS:
    // A connection whose handshake succeeded (the peer's certificate verified); the receiver
    // takes it (reparents it) or deletes it.
    void encrypted(QSslSocket* socket);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void release(QSslSocket* socket);
    void refused(const char* why);

    QSslConfiguration m_tls;
    Limits m_limits;
    std::function<bool()> m_admit;
    QHash<QSslSocket*, QString> m_handshakes; // socket -> peer address
    QHash<QString, int> m_handshakesByAddress;
    qint64 m_refusedSinceLog = 0;
    QElapsedTimer m_lastLog;
};
