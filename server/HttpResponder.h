#pragma once

#include "HttpResponse.h"

#include <QPointer>

class HttpConnection;

// How a handler answers one request, now or later: a small copyable handle on the
// connection the request came on. Once the connection has gone (the client left, a
// deadline passed), or once answered, every call is a no-op: a late answer cannot reach
// another request. Use it in the connection's thread (a worker hands its result back with a
// queued call).
class HttpResponder
{
public:
    HttpResponder() = default;

    void respond(const HttpResponse& response) const;
    // Drops the connection without an answer (fault injection: a cut connection).
    void abort() const;
    // The client is still there and waiting for this answer.
    bool isWaiting() const;

private:
    friend class HttpConnection;
    HttpResponder(HttpConnection* connection, quint64 serial);

    QPointer<HttpConnection> m_connection;
    quint64 m_serial = 0;
};
