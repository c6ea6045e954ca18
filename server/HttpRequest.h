#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrlQuery>
#include <utility>

// One HTTP/1.1 request as the server's own parser (HttpRequestParser) read it: a value,
// with no socket behind it, so that a handler may answer it later or elsewhere.
struct HttpRequest
{
    // Who is at the other end of the connection the request came on.
    struct Peer
    {
        enum class Kind
        {
            Tls,   // a client of the TLS listener: the certificate it presented
            Front, // the local socket of the front (nginx): its forwarded headers say who
        };
        Kind kind = Kind::Tls;
        QSslCertificate certificate; // Tls: verified by the handshake
        QString address;             // for logs: "127.0.0.1:50312" or "front"
    };

    QByteArray method; // "GET", "POST"...
    QByteArray target; // as sent: "/activation-codes?count=5"
    QString path;      // decoded path of the target
    QUrlQuery query;
    int minorVersion = 1; // HTTP/1.minorVersion
    // In the order received; names in lower case, values without surrounding blanks.
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool keepAlive = true; // HTTP/1.1 without "Connection: close", or 1.0 with keep-alive
    Peer peer;

    // The value of the first header of that name (lower case), empty if none.
    QByteArray header(const QByteArray& name) const
    {
        for (const auto& [key, value] : headers) {
            if (key == name)
                return value;
        }
        return {};
    }
    qsizetype headerCount(const QByteArray& name) const
    {
        qsizetype count = 0;
        for (const auto& header : headers)
            count += header.first == name ? 1 : 0;
        return count;
    }
};
