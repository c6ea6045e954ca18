// Requests as sidep-server's HTTP/1.1 parser reads them off a connection (HttpRequestParser).
// The first byte chooses the size of the pieces the rest arrives in, and whether small
// limits apply (so that the fuzzer reaches every cap quickly). Properties: the pieces make
// no difference to the outcome; a refusal has one of the parser's statuses; a complete
// request stays within every limit and its body is exactly its Content-Length; nothing
// past the end of the request is consumed.

#include "FuzzSupport.h"
#include "HttpRequestParser.h"

#include <QSet>

namespace {

struct Outcome
{
    HttpRequestParser::State state = HttpRequestParser::State::RequestLine;
    int status = 0;
    qsizetype used = 0;
    HttpRequest request;
    qint64 contentLength = 0;
};

Outcome parse(const QByteArray& bytes, qsizetype piece, const HttpRequestParser::Limits& limits)
{
    HttpRequestParser parser(limits);
    Outcome outcome;
    while (outcome.used < bytes.size()) {
        const qsizetype size = qMin(piece, bytes.size() - outcome.used);
        const qsizetype used = parser.feed(bytes.constData() + outcome.used, size);
        FUZZ_CHECK(used >= 0 && used <= size);
        outcome.used += used;
        if (used < size)
            break;
    }
    outcome.state = parser.state();
    outcome.status = parser.errorStatus();
    outcome.contentLength = parser.contentLength();
    if (outcome.state == HttpRequestParser::State::Complete)
        outcome.request = parser.takeRequest();
    return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    const qsizetype piece = 1 + (data[0] & 0x3f);
    HttpRequestParser::Limits limits;
    if (data[0] & 0x40) {
        limits.maxRequestLine = 64;
        limits.maxHeaderLine = 64;
        limits.maxHeaderBytes = 256;
        limits.maxHeaderCount = 8;
        limits.maxBodyBytes = 1024;
    }
    const QByteArray bytes = FuzzSupport::bytes(data + 1, size - 1);
    const Outcome whole = parse(bytes, qMax<qsizetype>(1, bytes.size()), limits);
    const Outcome split = parse(bytes, piece, limits);
    FUZZ_CHECK(whole.state == split.state);
    FUZZ_CHECK(whole.status == split.status);
    FUZZ_CHECK(whole.used == split.used);
    FUZZ_CHECK(whole.request.target == split.request.target);
    FUZZ_CHECK(whole.request.headers == split.request.headers);
    FUZZ_CHECK(whole.request.body == split.request.body);
    if (whole.state == HttpRequestParser::State::Failed) {
        static const QSet<int> statuses{400, 411, 413, 414, 417, 431, 505};
        FUZZ_CHECK(statuses.contains(whole.status));
    }
    if (whole.state == HttpRequestParser::State::Complete) {
        const HttpRequest& request = whole.request;
        FUZZ_CHECK(request.target.size() <= limits.maxRequestLine);
        FUZZ_CHECK(request.headers.size() <= limits.maxHeaderCount);
        qsizetype headerBytes = 0;
        for (const auto& [name, value] : request.headers) {
            FUZZ_CHECK(name.size() + value.size() + 1 <= limits.maxHeaderLine);
            headerBytes += name.size() + value.size();
        }
        FUZZ_CHECK(headerBytes <= limits.maxHeaderBytes);
        FUZZ_CHECK(request.body.size() == whole.contentLength);
        FUZZ_CHECK(request.body.size() <= limits.maxBodyBytes);
        FUZZ_CHECK(request.headerCount("content-length") <= 1);
        FUZZ_CHECK(request.headerCount("transfer-encoding") == 0);
        // What follows the request is left for the next one.
        FUZZ_CHECK(whole.used <= bytes.size());
    }
    return 0;
}
