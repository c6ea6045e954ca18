#include "TlsListener.h"

#include "Logging.h"

#include <QSslSocket>
#include <QTimer>
#include <unistd.h>

namespace {

// After an accept error (EMFILE: no descriptor left) QTcpServer pauses accepting and never
// resumes by itself: tried again this much later, when connections may have closed.
constexpr int AcceptRetryMs = 100;
// Refusals are counted and said at most this often, not once per connection.
constexpr qint64 RefusalLogIntervalMs = 10000;

} // namespace

TlsListener::TlsListener(QObject* parent)
    : QTcpServer(parent)
{
    // The pending list is never used (incomingConnection takes every socket); 0 would not
    // stop accepting either, but keeps the intent visible.
    setMaxPendingConnections(1);
    connect(this, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError error) {
        qCWarning(lcServer) << "accept failed:" << error << errorString() << "- accepting again in"
                            << AcceptRetryMs << "ms";
        QTimer::singleShot(AcceptRetryMs, this, [this] {
            if (isListening())
                resumeAccepting();
        });
    });
}

void TlsListener::refused(const char* why)
{
    ++m_refusedSinceLog;
    if (m_lastLog.isValid() && m_lastLog.elapsed() < RefusalLogIntervalMs)
        return;
    qCWarning(lcServer).noquote() << m_refusedSinceLog << "connection(s) closed before their TLS "
                                  << "handshake:" << why;
    m_refusedSinceLog = 0;
    m_lastLog.start();
}

void TlsListener::incomingConnection(qintptr descriptor)
{
    auto* socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        ::close(int(descriptor));
        return;
    }
    const QString address = socket->peerAddress().toString();
    const char* why = nullptr;
    if (m_handshakes.size() >= m_limits.maxHandshakes)
        why = "too many handshakes in flight";
    else if (m_handshakesByAddress.value(address) >= m_limits.maxHandshakesPerAddress)
        why = "too many handshakes in flight from one address";
    else if (m_admit && !m_admit())
        why = "too many open connections";
    if (why) {
        refused(why);
        socket->abort();
        delete socket;
        return;
    }

    m_handshakes.insert(socket, address);
    ++m_handshakesByAddress[address];
    auto* deadline = new QTimer(socket);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, socket, [this, socket] {
        refused("handshake not finished in time");
        release(socket);
        socket->abort();
        socket->deleteLater();
    });
    connect(socket, &QSslSocket::encrypted, this, [this, socket, deadline] {
        deadline->deleteLater();
        release(socket);
        socket->disconnect(this);
        Q_EMIT encrypted(socket);
    });
    // A refused certificate, a client that left, a reset: the socket goes, its slot with it.
    connect(socket, &QAbstractSocket::errorOccurred, this, [this, socket] {
        release(socket);
        socket->deleteLater();
    });
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket] {
        release(socket);
        socket->deleteLater();
    });
    connect(socket, &QObject::destroyed, this,
            [this, socket] { release(static_cast<QSslSocket*>(socket)); });
    socket->setSslConfiguration(m_tls);
    deadline->start(m_limits.handshakeTimeoutMs);
    socket->startServerEncryption();
}

void TlsListener::release(QSslSocket* socket)
{
    const auto it = m_handshakes.constFind(socket);
    if (it == m_handshakes.constEnd())
        return;
    const QString address = it.value();
    m_handshakes.erase(it);
    if (--m_handshakesByAddress[address] <= 0)
        m_handshakesByAddress.remove(address);
}
