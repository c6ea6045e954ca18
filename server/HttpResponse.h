#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <utility>

// One answer: status, headers and body, written by HttpConnection. A value, so that a
// handler can build it anywhere and hand it over later.
class HttpResponse
{
public:
    HttpResponse() = default;
    HttpResponse(int status, const QByteArray& body, const QByteArray& contentType);
    // The body as compact JSON (application/fhir+json unless said otherwise).
    static HttpResponse json(int status, const QJsonObject& body,
                             const QByteArray& contentType = "application/fhir+json");

    int status() const { return m_status; }
    const QByteArray& body() const { return m_body; }
    QByteArray header(const QByteArray& name) const;
    // Adds a header (Content-Length, Connection and Date are written by toBytes()).
    void setHeader(const QByteArray& name, const QByteArray& value);
    // Whether an Accept-Encoding value takes gzip ("gzip", "gzip, deflate"; not "gzip;q=0").
    static bool acceptsGzip(const QByteArray& acceptEncoding);
    // This answer with its body gzip-compressed (Content-Encoding: gzip) when that makes it
    // worth it: a batch's results shrink about four-fold (their record ids do not), which
    // counts on a slow shared line. Small bodies and bodies already encoded are left as they are.
    HttpResponse compressed() const;
    // The connection closes once this answer is sent (framing errors, limits).
    void setClosesConnection(bool closes) { m_closes = closes; }
    bool closesConnection() const { return m_closes; }

    // The bytes on the wire; `keepAlive` false adds "Connection: close".
    QByteArray toBytes(bool keepAlive) const;
    static QByteArray reasonPhrase(int status);

private:
    int m_status = 500;
    QByteArray m_body;
    QList<std::pair<QByteArray, QByteArray>> m_headers;
    bool m_closes = false;
};
