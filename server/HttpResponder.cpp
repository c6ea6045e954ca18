#include "HttpResponder.h"

#include "HttpConnection.h"

HttpResponder::HttpResponder(HttpConnection* connection, quint64 serial)
    : m_connection(connection)
    , m_serial(serial)
{}

void HttpResponder::respond(const HttpResponse& response) const
{
    if (m_connection)
        m_connection->respond(m_serial, response);
}

void HttpResponder::abort() const
{
    if (m_connection && m_connection->isWaitingFor(m_serial))
        m_connection->abort();
}

bool HttpResponder::isWaiting() const
{
    return m_connection && m_connection->isWaitingFor(m_serial);
}
