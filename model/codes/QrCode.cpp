#include "QrCode.h"

#include <QPainter>
#include <QPainterPath>
#include <memory>
#include <qrencode.h>
#include <vector>

struct QrCode::Private
{
    QString text;
    QString error;
    int size = 0;
    std::vector<bool> dark; // row by row
};

namespace {

QRecLevel recLevel(QrCode::ErrorCorrection level)
{
    switch (level) {
    case QrCode::ErrorCorrection::Low:
        return QR_ECLEVEL_L;
    case QrCode::ErrorCorrection::Medium:
        return QR_ECLEVEL_M;
    case QrCode::ErrorCorrection::Quartile:
        return QR_ECLEVEL_Q;
    case QrCode::ErrorCorrection::High:
        return QR_ECLEVEL_H;
    }
    return QR_ECLEVEL_M;
}

struct QrcodeFree
{
    void operator()(QRcode* code) const { QRcode_free(code); }
};

} // namespace

QString QrCode::libraryVersion()
{
    return QString::fromLatin1(QRcode_APIVersionString());
}

QrCode::QrCode()
    : d(std::make_shared<Private>())
{}

QrCode::QrCode(const QString& text, ErrorCorrection level)
{
    auto data = std::make_shared<Private>();
    data->text = text;
    const QByteArray bytes = text.toUtf8();
    if (bytes.isEmpty()) {
        data->error = tr("there is nothing to encode");
    } else {
        // Byte mode keeps the link's case; version 0 lets libqrencode pick the smallest.
        const std::unique_ptr<QRcode, QrcodeFree> code(QRcode_encodeData(
            int(bytes.size()), reinterpret_cast<const unsigned char*>(bytes.constData()), 0,
            recLevel(level)));
        if (!code) {
            data->error = tr("the text is too long for a QR code");
        } else {
            data->size = code->width;
            data->dark.resize(std::size_t(code->width) * std::size_t(code->width));
            for (std::size_t i = 0; i < data->dark.size(); ++i)
                data->dark[i] = (code->data[i] & 0x01) != 0; // bit 0: dark module
        }
    }
    d = std::move(data);
}

QrCode::~QrCode() = default;
QrCode::QrCode(const QrCode& other) = default;
QrCode& QrCode::operator=(const QrCode& other) = default;

bool QrCode::isNull() const
{
    return d->size == 0;
}

QString QrCode::errorString() const
{
    return d->error;
}

QString QrCode::text() const
{
    return d->text;
}

int QrCode::size() const
{
    return d->size;
}

bool QrCode::isDark(int x, int y) const
{
    if (x < 0 || y < 0 || x >= d->size || y >= d->size)
        return false;
    return d->dark[std::size_t(y) * std::size_t(d->size) + std::size_t(x)];
}

QImage QrCode::toImage(int moduleSize) const
{
    if (isNull() || moduleSize < 1)
        return {};
    const int side = (d->size + 2 * QuietZone) * moduleSize;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(0xff);
    for (int y = 0; y < d->size; ++y) {
        for (int x = 0; x < d->size; ++x) {
            if (!isDark(x, y))
                continue;
            for (int dy = 0; dy < moduleSize; ++dy) {
                uchar* line = image.scanLine((y + QuietZone) * moduleSize + dy);
                std::fill_n(line + (x + QuietZone) * moduleSize, moduleSize, uchar(0));
            }
        }
    }
    return image;
}

void QrCode::paint(QPainter& painter, const QRectF& area) const
{
    if (isNull())
        return;
    const qreal side = std::min(area.width(), area.height());
    const QRectF square(area.center().x() - side / 2, area.center().y() - side / 2, side, side);
    const qreal module = side / (d->size + 2 * QuietZone);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(square, Qt::white);
    // One rectangle per run of dark modules in a row: fewer, larger shapes print cleaner
    // and leave no hairline gaps between neighbouring modules.
    QPainterPath path;
    for (int y = 0; y < d->size; ++y) {
        int x = 0;
        while (x < d->size) {
            if (!isDark(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < d->size && isDark(x, y))
                ++x;
            path.addRect(QRectF(square.left() + (start + QuietZone) * module,
                                square.top() + (y + QuietZone) * module, (x - start) * module,
                                module));
        }
    }
    path.setFillRule(Qt::WindingFill);
    painter.fillPath(path, Qt::black);
    painter.restore();
}
