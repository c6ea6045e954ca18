#pragma once

#include <QtGlobal>

// Nagle's algorithm off (TCP_NODELAY) on this process's connections to a server port.
//
// Qt's HTTP client (QNetworkAccessManager) leaves Nagle's algorithm on and hands a request
// to its socket in pieces: the headers, then the body 16 KiB at a time. Each piece after
// the first waits for the server to acknowledge the one before, and a server delays that
// acknowledgement up to 40 ms while it waits for the rest of the request: some 40 ms lost on
// every batch. curl and browsers turn Nagle off on their HTTP connections; Qt gives no way to
// reach the sockets of its HTTP client, so this finds them by their peer port (Linux:
// /proc/self/fd) once a connection is up (QNetworkAccessManager::encrypted).
namespace TcpLowDelay {

// TCP_NODELAY on every TCP socket of this process whose peer port is `port`: the number of
// sockets set. Setting it on another connection to the same port is harmless.
int setOnConnectionsTo(quint16 port);

} // namespace TcpLowDelay
