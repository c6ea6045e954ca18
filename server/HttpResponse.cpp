#include "HttpResponse.h"

#include "Gzip.h"
#include "JsonText.h"

HttpResponse::HttpResponse(int status, const QByteArray& body, const QByteArray& contentType)
    : m_status(status)
    , m_body(body)
{
    if (!contentType.isEmpty())
        m_headers.append({"Content-Type", contentType});
}

HttpResponse HttpResponse::json(int status, const QJsonObject& body, const QByteArray& contentType)
{
    return HttpResponse(status, JsonText::compact(body), contentType);
}

QByteArray HttpResponse::header(const QByteArray& name) const
{
    for (const auto& [key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

void HttpResponse::setHeader(const QByteArray& name, const QByteArray& value)
{
    m_headers.append({name, value});
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 417:
        return "Expectation Failed";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return status < 400 ? "OK" : "Error";
    }
}

bool HttpResponse::acceptsGzip(const QByteArray& acceptEncoding)
{
    for (const QByteArray& item : acceptEncoding.split(',')) {
        const QList<QByteArray> parts = item.split(';');
        if (parts.first().trimmed().toLower() != "gzip")
            continue;
        // "gzip;q=0" refuses it; any other weight takes it.
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts.at(i).trimmed().toLower();
            if (parameter.startsWith("q=") && parameter.mid(2).toDouble() <= 0.0)
                return false;
        }
        return true;
    }
    return false;
}

HttpResponse HttpResponse::compressed() const
{
    // Below this, the gzip header and trailer eat what is saved.
    constexpr qsizetype WorthCompressing = 1024;
    if (m_body.size() < WorthCompressing || !header("Content-Encoding").isEmpty())
        return *this;
    HttpResponse out = *this;
    out.m_body = Gzip::compress(m_body);
    out.setHeader("Content-Encoding", "gzip");
    out.setHeader("Vary", "Accept-Encoding");
    return out;
}

QByteArray HttpResponse::toBytes(bool keepAlive) const
{
    QByteArray out =
        "HTTP/1.1 " + QByteArray::number(m_status) + ' ' + reasonPhrase(m_status) + "\r\n";
    for (const auto& [name, value] : m_headers)
        out += name + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(m_body.size()) + "\r\n";
    if (!keepAlive || m_closes)
        out += "Connection: close\r\n";
    out += "\r\n";
    out += m_body;
    return out;
}
