#pragma once

#include "HttpRequest.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// A strict, incremental HTTP/1.1 request parser with limits, fed bytes as they arrive.
// Everything it refuses is refused before the part that would cost memory is read: the
// request line and headers are capped in size and count (and scanned once, never again
// from their start), a body needs a Content-Length checked against the cap before a byte of
// it is kept, and the framings that let a proxy and this server disagree on where a
// request ends (two Content-Length, Content-Length with Transfer-Encoding, folded headers,
// bare LF) are refused. A body sent with "Content-Encoding: gzip" is inflated under the same
// cap as a plain body (413 as soon as more would come out: a decompression bomb costs no more
// than a body at the cap), so that what it hands on is always the plain body; any other
// encoding is refused (415) before the body is read. One request at a time: after Complete,
// takeRequest() and reset().
class HttpRequestParser
{
    Q_DECLARE_TR_FUNCTIONS(HttpRequestParser)

public:
    // Production servers' orders of magnitude (nginx: 8 KiB lines, Apache: 100 fields).
    struct Limits
    {
        // A request line is a method and a short path here; 8 KiB is nginx's default.
        qsizetype maxRequestLine = 8 * 1024;
        // Each header line; the longest we expect is nginx's forwarded client certificate
        // (about 2 KiB escaped).
        qsizetype maxHeaderLine = 8 * 1024;
        // Every header line together: a few hundred bytes from a workstation.
        qsizetype maxHeaderBytes = 32 * 1024;
        // Apache's LimitRequestFields is 100; a workstation sends fewer than 10.
        int maxHeaderCount = 64;
        // The body cap (Content-Length above it: 413 before reading it), and the cap of a
        // gzip body once inflated.
        qint64 maxBodyBytes = 32 * 1024 * 1024;
    };

    enum class State
    {
        RequestLine, // nothing or part of the request line yet
        Headers,     // reading header lines
        Body,        // headers accepted, reading Content-Length bytes
        Complete,    // a whole request: takeRequest()
        Failed,      // refused: errorStatus() and errorText(); the connection must close
    };

    HttpRequestParser() = default;
    explicit HttpRequestParser(const Limits& limits)
        : m_limits(limits)
    {}

    // Consumes bytes of `data` and returns how many: it stops at the end of a request (the
    // rest belongs to the next one), and consumes nothing once Complete or Failed.
    qsizetype feed(const char* data, qsizetype size);

    State state() const { return m_state; }
    // True once the first byte of a request arrived (for the header deadline).
    bool started() const { return m_started; }
    // After the headers: what the head said (the body still to come; once Complete, the
    // body is the inflated one).
    const HttpRequest& head() const { return m_request; }
    qint64 contentLength() const { return m_contentLength; }
    qint64 bodyReceived() const { return m_request.body.size(); }
    // "Expect: 100-continue" was asked.
    bool expectsContinue() const { return m_expectContinue; }

    int errorStatus() const { return m_errorStatus; }
    QString errorText() const { return m_errorText; }

    HttpRequest takeRequest();
    void reset();

private:
    qsizetype feedLine(const char* data, qsizetype size);
    bool takeLine(const QByteArray& line);
    bool parseRequestLine(const QByteArray& line);
    bool parseHeaderLine(const QByteArray& line);
    bool finishHeaders();
    // The whole body is here: inflated if it came gzip-compressed, then Complete.
    bool finishBody();
    bool fail(int status, const QString& text);

    Limits m_limits;
    State m_state = State::RequestLine;
    bool m_started = false;
    QByteArray m_line;           // the line being read, without its CRLF
    bool m_lineHasCr = false;    // the line's last byte so far was CR
    qsizetype m_headerBytes = 0; // header lines so far, CRLF included
    HttpRequest m_request;
    qint64 m_contentLength = 0;
    bool m_expectContinue = false;
    bool m_gzip = false; // Content-Encoding: gzip
    int m_errorStatus = 0;
    QString m_errorText;
};
