#include "HttpRequestParser.h"

#include "Gzip.h"

#include <QUrl>
#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

// RFC 9110 token characters (methods and header names).
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
}

bool isToken(const QByteArray& text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Field values: visible characters, blanks and obs-text; no other control character.
bool isFieldValue(const QByteArray& value)
{
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\t') || byte == 0x7f)
            return false;
    }
    return true;
}

bool hasToken(const QByteArray& list, const char* token)
{
    for (const QByteArray& item : list.split(',')) {
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

qsizetype HttpRequestParser::feed(const char* data, qsizetype size)
{
    qsizetype used = 0;
    while (used < size) {
        if (m_state == State::RequestLine || m_state == State::Headers) {
            used += feedLine(data + used, size - used);
        } else if (m_state == State::Body) {
            const qint64 wanted = m_contentLength - m_request.body.size();
            const qsizetype take = qsizetype(qMin<qint64>(wanted, size - used));
            m_request.body.append(data + used, take);
            used += take;
            if (m_request.body.size() == m_contentLength)
                finishBody();
        } else {
            break; // Complete or Failed: the rest is not ours
        }
    }
    return used;
}

// Reads up to the end of one line (or of `data`), checking its length as it grows, so that
// a line that never ends costs no more than its cap and is never scanned twice.
qsizetype HttpRequestParser::feedLine(const char* data, qsizetype size)
{
    // Blank lines before a request line are tolerated (RFC 9112 2.2), not counted.
    const qsizetype cap =
        m_state == State::RequestLine ? m_limits.maxRequestLine : m_limits.maxHeaderLine;
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        if (c == '\n') {
            if (!m_lineHasCr) {
                fail(400, tr("a line ends with LF alone: CRLF is required"));
                return i + 1;
            }
            m_line.chop(1); // the CR
            m_lineHasCr = false;
            QByteArray line;
            line.swap(m_line);
            takeLine(line);
            return i + 1;
        }
        if (!m_started && m_state == State::RequestLine && c != '\r')
            m_started = true;
        m_line.append(c);
        m_lineHasCr = c == '\r';
        if (m_state == State::Headers && m_headerBytes + m_line.size() > m_limits.maxHeaderBytes) {
            fail(431,
                 tr("the request's headers are larger than %1 bytes").arg(m_limits.maxHeaderBytes));
            return i + 1;
        }
        if (m_line.size() > cap + 1) { // + 1: the CR of a line exactly at the cap
            if (m_state == State::RequestLine)
                fail(414, tr("the request line is longer than %1 bytes").arg(cap));
            else
                fail(431, tr("a header line is longer than %1 bytes").arg(cap));
            return i + 1;
        }
    }
    return size;
}

bool HttpRequestParser::takeLine(const QByteArray& line)
{
    if (m_state == State::RequestLine) {
        if (line.isEmpty())
            return true; // a stray CRLF between requests
        return parseRequestLine(line);
    }
    m_headerBytes += line.size() + 2;
    if (line.isEmpty())
        return finishHeaders();
    return parseHeaderLine(line);
}

bool HttpRequestParser::parseRequestLine(const QByteArray& line)
{
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !isToken(parts.at(0)) || parts.at(1).isEmpty())
        return fail(400, tr("the request line is not METHOD TARGET HTTP/1.1"));
    const QByteArray& version = parts.at(2);
    if (version == "HTTP/1.1")
        m_request.minorVersion = 1;
    else if (version == "HTTP/1.0")
        m_request.minorVersion = 0;
    else if (version.startsWith("HTTP/"))
        return fail(505, tr("only HTTP/1.1 and HTTP/1.0 are served"));
    else
        return fail(400, tr("the request line is not METHOD TARGET HTTP/1.1"));
    // Origin form only ("/path?query"): no absolute URL, no proxy requests, no "*".
    const QByteArray& target = parts.at(1);
    if (!target.startsWith('/') || !isFieldValue(target) || target.contains('\t') ||
        target.contains('#'))
        return fail(400, tr("the request target must be a path (/...)"));
    m_request.method = parts.at(0);
    m_request.target = target;
    const qsizetype question = target.indexOf('?');
    const QByteArray rawPath = question < 0 ? target : target.left(question);
    m_request.path = QUrl::fromPercentEncoding(rawPath);
    if (question >= 0)
        m_request.query = QUrlQuery(QString::fromUtf8(target.mid(question + 1)));
    m_state = State::Headers;
    return true;
}

bool HttpRequestParser::parseHeaderLine(const QByteArray& line)
{
    // Obsolete line folding is refused: intermediaries read it differently.
    if (line.startsWith(' ') || line.startsWith('\t'))
        return fail(400, tr("folded header lines are not accepted"));
    const qsizetype colon = line.indexOf(':');
    // No blank between the name and the colon (RFC 9112 5.1): a smuggling vector.
    const QByteArray name = colon < 0 ? QByteArray() : line.left(colon);
    if (!isToken(name))
        return fail(400, tr("a header line is not NAME: VALUE"));
    const QByteArray value = line.mid(colon + 1).trimmed();
    if (!isFieldValue(value))
        return fail(400, tr("a header value holds a control character"));
    if (m_request.headers.size() >= m_limits.maxHeaderCount)
        return fail(431, tr("more than %1 header lines").arg(m_limits.maxHeaderCount));
    m_request.headers.append({name.toLower(), value});
    return true;
}

bool HttpRequestParser::finishHeaders()
{
    const HttpRequest& request = m_request;
    // Where the body ends must be beyond doubt, or a proxy in front and this server could
    // read two different requests out of the same bytes.
    const qsizetype lengths = request.headerCount("content-length");
    const bool transferEncoding = request.headerCount("transfer-encoding") > 0;
    if (lengths > 1)
        return fail(400, tr("more than one Content-Length header"));
    if (lengths == 1 && transferEncoding)
        return fail(400, tr("both Content-Length and Transfer-Encoding"));
    if (transferEncoding)
        return fail(411, tr("Transfer-Encoding is not accepted: send the body with a "
                            "Content-Length"));
    if (request.minorVersion == 1 && request.headerCount("host") != 1)
        return fail(400, tr("an HTTP/1.1 request needs exactly one Host header"));

    m_contentLength = 0;
    if (lengths == 1) {
        const QByteArray text = request.header("content-length");
        // Digits only: no sign, no list, no blanks inside.
        bool digits = !text.isEmpty();
        for (const char c : text)
            digits = digits && c >= '0' && c <= '9';
        if (!digits)
            return fail(400, tr("Content-Length is not a number"));
        // 18 digits cannot overflow; more is far above any cap.
        m_contentLength = text.size() > 18 ? std::numeric_limits<qint64>::max() : text.toLongLong();
    } else if (request.method == "POST" || request.method == "PUT" || request.method == "PATCH") {
        return fail(411,
                    tr("a %1 needs a Content-Length").arg(QString::fromLatin1(request.method)));
    }
    if (m_contentLength > m_limits.maxBodyBytes)
        return fail(413, tr("the request is larger than %1 MiB: send fewer records at a time")
                             .arg(m_limits.maxBodyBytes / (1024 * 1024)));

    // One coding at most, and only gzip (identity is no coding): what the body is must be
    // known before a byte of it is kept.
    m_gzip = false;
    if (const qsizetype codings = request.headerCount("content-encoding"); codings > 0) {
        const QByteArray coding = request.header("content-encoding").toLower();
        if (codings > 1 || (coding != "gzip" && coding != "x-gzip" && coding != "identity"))
            return fail(415, tr("the only Content-Encoding accepted is gzip"));
        m_gzip = coding != "identity";
    }

    const QByteArray expect = request.header("expect");
    if (!expect.isEmpty()) {
        if (expect.compare("100-continue", Qt::CaseInsensitive) != 0)
            return fail(417, tr("only Expect: 100-continue is understood"));
        m_expectContinue = m_contentLength > 0;
    }
    const QByteArray connection = request.header("connection");
    m_request.keepAlive = request.minorVersion == 1 ? !hasToken(connection, "close")
                                                    : hasToken(connection, "keep-alive");
    if (m_contentLength > 0) {
        m_state = State::Body;
        return true;
    }
    return finishBody();
}

bool HttpRequestParser::finishBody()
{
    if (m_gzip) {
        QByteArray plain;
        switch (Gzip::inflate(m_request.body, m_limits.maxBodyBytes, &plain)) {
        case Gzip::Status::Ok:
            break;
        case Gzip::Status::TooLarge:
            return fail(413, tr("the request is larger than %1 MiB once decompressed: send "
                                "fewer records at a time")
                                 .arg(m_limits.maxBodyBytes / (1024 * 1024)));
        case Gzip::Status::NotGzip:
        case Gzip::Status::Corrupt:
        case Gzip::Status::Truncated:
        case Gzip::Status::TrailingData:
            return fail(400, tr("the body is not a valid gzip stream (Content-Encoding: gzip)"));
        }
        m_request.body = std::move(plain);
    }
    m_state = State::Complete;
    return true;
}

bool HttpRequestParser::fail(int status, const QString& text)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorText = text;
    return false;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest request;
    std::swap(request, m_request);
    return request;
}

void HttpRequestParser::reset()
{
    m_state = State::RequestLine;
    m_started = false;
    m_line.clear();
    m_lineHasCr = false;
    m_headerBytes = 0;
    m_request = HttpRequest();
    m_contentLength = 0;
    m_expectContinue = false;
    m_gzip = false;
    m_errorStatus = 0;
    m_errorText.clear();
}
