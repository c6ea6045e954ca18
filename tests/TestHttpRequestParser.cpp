// The server's HTTP/1.1 request parser on its own: what it accepts and refuses (and with
// which status), and that the bytes' arrival makes no difference: every vector is fed whole,
// one byte at a time and in uneven pieces, with the same outcome. A parser that rescanned
// its buffer from the start would pass these too; its cost is bounded by the limits, which
// TestServerHardening measures on the real server.

#include "Gzip.h"
#include "HttpRequestParser.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Outcome
{
    HttpRequestParser::State state = HttpRequestParser::State::RequestLine;
    int status = 0;
    HttpRequest request;
    qsizetype used = 0;
};

// Feeds `bytes` in pieces of the given sizes (cycled), up to the end of one request.
Outcome parse(const QByteArray& bytes, const QList<qsizetype>& pieces,
              const HttpRequestParser::Limits& limits = {})
{
    HttpRequestParser parser(limits);
    Outcome outcome;
    qsizetype offset = 0;
    for (qsizetype i = 0; offset < bytes.size(); ++i) {
        const qsizetype size = qMin(pieces.at(i % pieces.size()), bytes.size() - offset);
        const qsizetype used = parser.feed(bytes.constData() + offset, size);
        offset += used;
        if (used < size || parser.state() == HttpRequestParser::State::Complete ||
            parser.state() == HttpRequestParser::State::Failed)
            break;
    }
    outcome.state = parser.state();
    outcome.status = parser.errorStatus();
    outcome.used = offset;
    if (outcome.state == HttpRequestParser::State::Complete)
        outcome.request = parser.takeRequest();
    return outcome;
}

} // namespace

class TestHttpRequestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requests_data();
    void requests();
    void limitsAreChecked_data();
    void limitsAreChecked();
    void nextRequestIsLeftForLater();
    void expectContinueIsSeenBeforeTheBody();
    void contentEncodings_data();
    void contentEncodings();
};

void TestHttpRequestParser::requests_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status"); // 0: a complete request
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("keepAlive");

    const QByteArray host = "Host: a\r\n";
    QTest::newRow("GET") << QByteArray("GET /health HTTP/1.1\r\n" + host + "\r\n") << 0
                         << QByteArray() << true;
    QTest::newRow("POST with a body")
        << QByteArray("POST /fhir HTTP/1.1\r\n" + host + "Content-Length: 5\r\n\r\nhello") << 0
        << "hello"_ba << true;
    QTest::newRow("blank lines before the request")
        << QByteArray("\r\n\r\nGET / HTTP/1.1\r\n" + host + "\r\n") << 0 << QByteArray() << true;
    QTest::newRow("Connection: close")
        << QByteArray("GET / HTTP/1.1\r\n" + host + "Connection: keep-alive, Close\r\n\r\n") << 0
        << QByteArray() << false;
    QTest::newRow("HTTP/1.0 closes") << "GET / HTTP/1.0\r\n\r\n"_ba << 0 << QByteArray() << false;
    QTest::newRow("HTTP/1.0 keep-alive")
        << "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"_ba << 0 << QByteArray() << true;
    QTest::newRow("no Host in 1.1") << "GET / HTTP/1.1\r\n\r\n"_ba << 400 << QByteArray() << true;
    QTest::newRow("two Content-Length")
        << QByteArray("POST / HTTP/1.1\r\n" + host +
                      "Content-Length: 1\r\nContent-length: 1\r\n\r\nx")
        << 400 << QByteArray() << true;
    QTest::newRow("Content-Length list")
        << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: 1,1\r\n\r\nx") << 400
        << QByteArray() << true;
    QTest::newRow("signed Content-Length")
        << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: +1\r\n\r\nx") << 400
        << QByteArray() << true;
    QTest::newRow("Content-Length with Transfer-Encoding")
        << QByteArray("POST / HTTP/1.1\r\n" + host +
                      "Transfer-Encoding: chunked\r\nContent-Length: 1\r\n\r\n")
        << 400 << QByteArray() << true;
    QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\n" + host +
                                           "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                             << 411 << QByteArray() << true;
    QTest::newRow("POST without length")
        << QByteArray("POST / HTTP/1.1\r\n" + host + "\r\n") << 411 << QByteArray() << true;
    QTest::newRow("over the body cap")
        << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: 33554433\r\n\r\n") << 413
        << QByteArray() << true;
    QTest::newRow("a length of 40 digits")
        << QByteArray("POST / HTTP/1.1\r\n" + host + "Content-Length: " + QByteArray(40, '9') +
                      "\r\n\r\n")
        << 413 << QByteArray() << true;
    QTest::newRow("folded header")
        << QByteArray("GET / HTTP/1.1\r\n" + host + "X: a\r\n\tb\r\n\r\n") << 400 << QByteArray()
        << true;
    QTest::newRow("blank before the colon")
        << QByteArray("GET / HTTP/1.1\r\n" + host + "X : a\r\n\r\n") << 400 << QByteArray() << true;
    QTest::newRow("control character in a value")
        << QByteArray("GET / HTTP/1.1\r\n" + host + "X: a\x01\r\n\r\n") << 400 << QByteArray()
        << true;
    QTest::newRow("bare LF") << "GET / HTTP/1.1\nHost: a\n\n"_ba << 400 << QByteArray() << true;
    QTest::newRow("absolute URL") << QByteArray("GET http://a/ HTTP/1.1\r\n" + host + "\r\n") << 400
                                  << QByteArray() << true;
    QTest::newRow("HTTP/2") << "PRI * HTTP/2.0\r\n\r\n"_ba << 505 << QByteArray() << true;
    QTest::newRow("not HTTP") << "\x16\x03\x01\x02\x00\r\n"_ba << 400 << QByteArray() << true;
    QTest::newRow("Expect other than 100-continue")
        << QByteArray("POST / HTTP/1.1\r\n" + host + "Expect: magic\r\nContent-Length: 1\r\n\r\nx")
        << 417 << QByteArray() << true;
}

void TestHttpRequestParser::requests()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, keepAlive);
    const Outcome whole = parse(bytes, {bytes.size()});
    for (const QList<qsizetype>& pieces :
         {QList<qsizetype>{1}, QList<qsizetype>{2, 1, 7}, QList<qsizetype>{13, 3}}) {
        const Outcome split = parse(bytes, pieces);
        QCOMPARE(split.state, whole.state);
        QCOMPARE(split.status, whole.status);
        QCOMPARE(split.request.target, whole.request.target);
        QCOMPARE(split.request.body, whole.request.body);
    }
    if (status == 0) {
        QCOMPARE(whole.state, HttpRequestParser::State::Complete);
        QCOMPARE(whole.request.body, body);
        QCOMPARE(whole.request.keepAlive, keepAlive);
    } else {
        QCOMPARE(whole.state, HttpRequestParser::State::Failed);
        QCOMPARE(whole.status, status);
    }
}

void TestHttpRequestParser::limitsAreChecked_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    HttpRequestParser::Limits limits;
    const QByteArray host = "Host: a\r\n";
    QTest::newRow("request line at the cap")
        << QByteArray("GET /" + QByteArray(limits.maxRequestLine - 15, 'x') + " HTTP/1.1\r\n" +
                      host + "\r\n")
        << 0;
    QTest::newRow("request line over the cap")
        << QByteArray("GET /" + QByteArray(limits.maxRequestLine, 'x') + " HTTP/1.1\r\n" + host +
                      "\r\n")
        << 414;
    QTest::newRow("header line at the cap")
        << QByteArray("GET / HTTP/1.1\r\n" + host +
                      "X: " + QByteArray(limits.maxHeaderLine - 3, 'x') + "\r\n\r\n")
        << 0;
    QTest::newRow("header line over the cap")
        << QByteArray("GET / HTTP/1.1\r\n" + host + "X: " + QByteArray(limits.maxHeaderLine, 'x') +
                      "\r\n\r\n")
        << 431;
    QByteArray many = "GET / HTTP/1.1\r\n" + host;
    for (int i = 1; i < limits.maxHeaderCount; ++i)
        many += "X: y\r\n";
    QTest::newRow("header count at the cap") << QByteArray(many + "\r\n") << 0;
    QTest::newRow("header count over the cap") << QByteArray(many + "X: y\r\n\r\n") << 431;
    QByteArray large = "GET / HTTP/1.1\r\n" + host;
    for (int i = 0; i < 5; ++i)
        large += "X: " + QByteArray(limits.maxHeaderLine - 10, 'x') + "\r\n";
    QTest::newRow("headers over the total cap") << QByteArray(large + "\r\n") << 431;
}

void TestHttpRequestParser::limitsAreChecked()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    const Outcome whole = parse(bytes, {bytes.size()});
    const Outcome bytewise = parse(bytes, {1});
    QCOMPARE(bytewise.status, whole.status);
    QCOMPARE(whole.status, status);
    QCOMPARE(whole.state,
             status == 0 ? HttpRequestParser::State::Complete : HttpRequestParser::State::Failed);
    if (status != 0) {
        // Refused as soon as the cap is passed, not at the end of the line.
        QVERIFY2(whole.used < bytes.size(), qPrintable(QString::number(whole.used)));
    }
}

void TestHttpRequestParser::nextRequestIsLeftForLater()
{
    const QByteArray two = "POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc"
                           "GET /b HTTP/1.1\r\nHost: a\r\n\r\n";
    HttpRequestParser parser;
    const qsizetype used = parser.feed(two.constData(), two.size());
    QCOMPARE(parser.state(), HttpRequestParser::State::Complete);
    QCOMPARE(parser.takeRequest().body, "abc"_ba);
    // Nothing of the next request was taken: it is parsed after reset().
    QCOMPARE(two.mid(used), "GET /b HTTP/1.1\r\nHost: a\r\n\r\n"_ba);
    QCOMPARE(parser.feed(two.constData() + used, 1), qsizetype(0));
    parser.reset();
    QCOMPARE(parser.feed(two.constData() + used, two.size() - used), two.size() - used);
    QCOMPARE(parser.state(), HttpRequestParser::State::Complete);
    QCOMPARE(parser.takeRequest().path, u"/b"_s);
}

void TestHttpRequestParser::expectContinueIsSeenBeforeTheBody()
{
    const QByteArray head =
        "POST /fhir?x=1 HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n";
    HttpRequestParser parser;
    QCOMPARE(parser.feed(head.constData(), head.size()), head.size());
    QCOMPARE(parser.state(), HttpRequestParser::State::Body);
    QVERIFY(parser.expectsContinue());
    QCOMPARE(parser.contentLength(), qint64(4));
    QCOMPARE(parser.head().path, u"/fhir"_s);
    QCOMPARE(parser.head().query.queryItemValue(u"x"_s), u"1"_s);
    QCOMPARE(parser.feed("body", 4), qsizetype(4));
    QCOMPARE(parser.state(), HttpRequestParser::State::Complete);
}

void TestHttpRequestParser::contentEncodings_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("plain"); // the body handed on
    // A small cap, so that the limit itself is tried: exactly at it, and one byte over.
    const QByteArray text = "{\"bundles\": [" + QByteArray(900, ' ') + "]}";
    const QByteArray atCap(4096, 'a');
    QTest::newRow("plain") << QByteArray() << text << 0 << text;
    QTest::newRow("identity") << QByteArray("Content-Encoding: identity\r\n") << text << 0 << text;
    QTest::newRow("gzip") << QByteArray("Content-Encoding: gzip\r\n") << Gzip::compress(text) << 0
                          << text;
    QTest::newRow("GZIP, any case")
        << QByteArray("content-encoding: GZip\r\n") << Gzip::compress(text) << 0 << text;
    QTest::newRow("gzip inflating to the cap")
        << QByteArray("Content-Encoding: gzip\r\n") << Gzip::compress(atCap) << 0 << atCap;
    QTest::newRow("gzip inflating past the cap")
        << QByteArray("Content-Encoding: gzip\r\n") << Gzip::compress(QByteArray(atCap + 'a'))
        << 413 << QByteArray();
    QByteArray corrupt = Gzip::compress(text);
    corrupt[corrupt.size() / 2] = char(corrupt.at(corrupt.size() / 2) ^ 0x55);
    QTest::newRow("corrupt gzip") << QByteArray("Content-Encoding: gzip\r\n") << corrupt << 400
                                  << QByteArray();
    QTest::newRow("truncated gzip") << QByteArray("Content-Encoding: gzip\r\n")
                                    << Gzip::compress(text).chopped(8) << 400 << QByteArray();
    QTest::newRow("not gzip at all")
        << QByteArray("Content-Encoding: gzip\r\n") << text << 400 << QByteArray();
    QTest::newRow("gzip with nothing")
        << QByteArray("Content-Encoding: gzip\r\n") << QByteArray() << 400 << QByteArray();
    QTest::newRow("deflate") << QByteArray("Content-Encoding: deflate\r\n") << text << 415
                             << QByteArray();
    QTest::newRow("br") << QByteArray("Content-Encoding: br\r\n") << text << 415 << QByteArray();
    QTest::newRow("two codings") << QByteArray("Content-Encoding: gzip, gzip\r\n")
                                 << Gzip::compress(Gzip::compress(text)) << 415 << QByteArray();
    QTest::newRow("two headers") << QByteArray(
                                        "Content-Encoding: gzip\r\nContent-Encoding: gzip\r\n")
                                 << Gzip::compress(text) << 415 << QByteArray();
}

void TestHttpRequestParser::contentEncodings()
{
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, plain);
    HttpRequestParser::Limits limits;
    limits.maxBodyBytes = 4096;
    const QByteArray head = "POST /fhir HTTP/1.1\r\nHost: a\r\n" + headers +
                            "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    const QByteArray bytes = head + body;
    const Outcome whole = parse(bytes, {bytes.size()}, limits);
    const Outcome pieces = parse(bytes, {1, 7, 300}, limits);
    QCOMPARE(pieces.status, whole.status);
    QCOMPARE(whole.status, status);
    if (status == 0) {
        QCOMPARE(whole.state, HttpRequestParser::State::Complete);
        QCOMPARE(whole.request.body, plain);
        QCOMPARE(pieces.request.body, plain);
        QCOMPARE(whole.used, bytes.size());
    } else if (status == 415) {
        // Refused on its head: not a byte of the body was taken.
        QCOMPARE(whole.used, head.size());
    }
}

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "TestHttpRequestParser.moc"
