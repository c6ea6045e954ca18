#include "Gzip.h"

#include <limits>
#include <zlib.h>

namespace {

// zlib's window bits plus 16: a gzip wrapper (header, CRC-32 and length), not zlib's own.
constexpr int GzipWindowBits = 16 + MAX_WBITS;
// The piece handed to zlib at a time: its counters are 32-bit, and a small piece lets the
// output limit stop inflation early.
constexpr qsizetype Chunk = 64 * 1024;

struct InflateEnd
{
    void operator()(z_stream* stream) const { inflateEnd(stream); }
};

} // namespace

struct Gzip::Private
{
    z_stream stream{};
    QByteArray out;
    bool finished = false;

    void run(int flush)
    {
        char buffer[Chunk];
        do {
            stream.next_out = reinterpret_cast<Bytef*>(buffer);
            stream.avail_out = uInt(Chunk);
            deflate(&stream, flush);
            out.append(buffer, Chunk - qsizetype(stream.avail_out));
        } while (stream.avail_out == 0);
    }
};

Gzip::Status Gzip::inflate(QByteArrayView gz, qint64 maxBytes, QByteArray* out)
{
    out->clear();
    if (gz.size() < 2 || quint8(gz.at(0)) != 0x1f || quint8(gz.at(1)) != 0x8b)
        return Status::NotGzip;
    z_stream stream{};
    if (inflateInit2(&stream, GzipWindowBits) != Z_OK)
        return Status::Corrupt;
    const std::unique_ptr<z_stream, InflateEnd> guard(&stream);

    qsizetype fed = 0;
    char buffer[Chunk];
    for (;;) {
        if (stream.avail_in == 0 && fed < gz.size()) {
            const qsizetype piece = std::min(Chunk, gz.size() - fed);
            stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data() + fed));
            stream.avail_in = uInt(piece);
            fed += piece;
        }
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = uInt(Chunk);
        const int result = ::inflate(&stream, Z_NO_FLUSH);
        const qsizetype produced = Chunk - qsizetype(stream.avail_out);
        if (produced > maxBytes - out->size()) {
            out->append(buffer, qsizetype(maxBytes - out->size()));
            return Status::TooLarge;
        }
        out->append(buffer, produced);
        switch (result) {
        case Z_STREAM_END:
            return stream.avail_in > 0 || fed < gz.size() ? Status::TrailingData : Status::Ok;
        case Z_OK:
            break;
        case Z_BUF_ERROR:
            // No progress possible: only the end of the input can cause it here.
            if (stream.avail_in == 0 && fed == gz.size())
                return Status::Truncated;
            return Status::Corrupt;
        default: // Z_DATA_ERROR (bad data or check value), Z_NEED_DICT, Z_MEM_ERROR...
            return Status::Corrupt;
        }
    }
}

QByteArray Gzip::compress(QByteArrayView data)
{
    Gzip gzip;
    gzip.add(data);
    return gzip.finish();
}

Gzip::Gzip()
    : d(std::make_unique<Private>())
{
    // Only an out-of-memory can fail here; deflate() then fails too and finish() is empty.
    deflateInit2(&d->stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, GzipWindowBits, 8,
                 Z_DEFAULT_STRATEGY);
}

Gzip::~Gzip()
{
    deflateEnd(&d->stream);
}

void Gzip::add(QByteArrayView data)
{
    if (d->finished)
        return;
    qsizetype offset = 0;
    while (offset < data.size()) {
        const qsizetype piece =
            std::min(data.size() - offset, qsizetype(std::numeric_limits<uInt>::max() / 2));
        d->stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + offset));
        d->stream.avail_in = uInt(piece);
        d->run(Z_NO_FLUSH);
        offset += piece;
    }
}

QByteArray Gzip::finish()
{
    if (!d->finished) {
        d->stream.avail_in = 0;
        d->run(Z_FINISH);
        d->finished = true;
    }
    return d->out;
}
