#include "TcpLowDelay.h"

#include <QDir>
#include <QString>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace {

// The peer port of a connected TCP socket (IPv4 or IPv6), 0 for any other descriptor.
quint16 tcpPeerPort(int descriptor)
{
    int type = 0;
    socklen_t typeSize = sizeof type;
    if (::getsockopt(descriptor, SOL_SOCKET, SO_TYPE, &type, &typeSize) != 0 ||
        type != SOCK_STREAM) {
        return 0;
    }
    sockaddr_storage peer{};
    socklen_t peerSize = sizeof peer;
    if (::getpeername(descriptor, reinterpret_cast<sockaddr*>(&peer), &peerSize) != 0)
        return 0;
    if (peer.ss_family == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in*>(&peer)->sin_port);
    if (peer.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6*>(&peer)->sin6_port);
    return 0;
}

} // namespace

int TcpLowDelay::setOnConnectionsTo(quint16 port)
{
    int set = 0;
    const QStringList descriptors = QDir(u"/proc/self/fd"_s).entryList(QDir::System);
    for (const QString& name : descriptors) {
        bool isNumber = false;
        const int descriptor = name.toInt(&isNumber);
        if (!isNumber || tcpPeerPort(descriptor) != port)
            continue;
        const int on = 1;
        if (::setsockopt(descriptor, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on) == 0)
            ++set;
    }
    return set;
}
