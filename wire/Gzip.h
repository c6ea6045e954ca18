#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <memory>

// zlib behind a Qt-typed class: gzip streams (RFC 1952) as the national code server's
// deliveries use them. Reading is bounded by the caller: the output stops growing at the
// limit given, whatever the stream claims, so that a small file cannot make the program
// allocate gigabytes. Writing is streamed, so that a large stream (a test's gzip bomb) is
// made without holding its uncompressed form.
class Gzip
{
public:
    enum class Status
    {
        Ok,
        NotGzip,      // does not start with the gzip magic bytes
        Corrupt,      // a bad header, block or check value (CRC-32, length)
        Truncated,    // the stream stops before its end
        TooLarge,     // more than maxBytes would come out
        TrailingData, // bytes after the end of the (single) gzip member
    };

    // Inflates the whole of `gz` into `out` (cleared first), never beyond `maxBytes`: past
    // that, TooLarge and `out` holds what came before the limit.
    [[nodiscard]] static Status inflate(QByteArrayView gz, qint64 maxBytes, QByteArray* out);

    // The gzip stream of `data` at once.
    static QByteArray compress(QByteArrayView data);

    // A gzip stream written piece by piece: add() what comes, finish() once for the result.
    Gzip();
    ~Gzip();
    Gzip(const Gzip&) = delete;
    Gzip& operator=(const Gzip&) = delete;
    void add(QByteArrayView data);
    QByteArray finish();

private:
    struct Private;
    std::unique_ptr<Private> d;
};
