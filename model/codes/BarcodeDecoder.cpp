#include "BarcodeDecoder.h"

#include <QTransform>
#include <ZXing/ReadBarcode.h>
#include <ZXing/ZXVersion.h>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr ZXing::BarcodeFormats ReadFormats =
    ZXing::BarcodeFormat::Code128 | ZXing::BarcodeFormat::Code39 | ZXing::BarcodeFormat::Code93 |
    ZXing::BarcodeFormat::Codabar | ZXing::BarcodeFormat::ITF | ZXing::BarcodeFormat::EAN8 |
    ZXing::BarcodeFormat::EAN13 | ZXing::BarcodeFormat::UPCA | ZXing::BarcodeFormat::UPCE |
    ZXing::BarcodeFormat::DataMatrix | ZXing::BarcodeFormat::QRCode |
    ZXing::BarcodeFormat::MicroQRCode | ZXing::BarcodeFormat::PDF417 | ZXing::BarcodeFormat::Aztec;

// The ZXing layout of a QImage format that ZXing reads in place; None when it needs
// converting. The 32-bit formats are 0xAARRGGBB words, so their byte order is the host's.
ZXing::ImageFormat zxingFormat(QImage::Format format)
{
    switch (format) {
    case QImage::Format_RGB32:
    case QImage::Format_ARGB32:
    case QImage::Format_ARGB32_Premultiplied:
        return QSysInfo::ByteOrder == QSysInfo::LittleEndian ? ZXing::ImageFormat::BGRX
                                                             : ZXing::ImageFormat::XRGB;
    case QImage::Format_RGBX8888:
    case QImage::Format_RGBA8888:
    case QImage::Format_RGBA8888_Premultiplied:
        return ZXing::ImageFormat::RGBX;
    case QImage::Format_RGB888:
        return ZXing::ImageFormat::RGB;
    case QImage::Format_BGR888:
        return ZXing::ImageFormat::BGR;
    case QImage::Format_Grayscale8:
        return ZXing::ImageFormat::Lum;
    default:
        return ZXing::ImageFormat::None;
    }
}

bool hasTransparentPixel(const QImage& image)
{
    if (!image.hasAlphaChannel())
        return false;
    // Alpha is the last byte of an RGBA8888 pixel, the high byte of an ARGB32 word.
    const bool rgba = zxingFormat(image.format()) == ZXing::ImageFormat::RGBX;
    const int alphaByte = rgba || QSysInfo::ByteOrder == QSysInfo::LittleEndian ? 3 : 0;
    for (int y = 0; y < image.height(); ++y) {
        const uchar* line = image.constScanLine(y);
        for (int x = 0; x < image.width(); ++x) {
            if (line[4 * x + alphaByte] != 255)
                return true;
        }
    }
    return false;
}

// A code printed on a transparent background is dark on nothing: the reader must see it on
// white, as on paper (a plain conversion would turn transparent pixels black).
QImage grayOnWhite(const QImage& image)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    QImage gray(argb.size(), QImage::Format_Grayscale8);
    for (int y = 0; y < argb.height(); ++y) {
        const QRgb* in = reinterpret_cast<const QRgb*>(argb.constScanLine(y));
        uchar* out = gray.scanLine(y);
        for (int x = 0; x < argb.width(); ++x) {
            const int alpha = qAlpha(in[x]);
            out[x] = uchar((qGray(in[x]) * alpha + 255 * (255 - alpha)) / 255);
        }
    }
    return gray;
}

// How many linear codes one image may give, and how many reads may look for them.
constexpr int MaxLinearCodes = 8;
constexpr int MaxLinearReads = 4 * MaxLinearCodes + 1;
// DataMatrix band search: the smallest band, and the size above which it works on a
// subsampled view (so that a 12-megapixel photo costs seconds, not minutes).
constexpr int MinBandHeight = 96;
constexpr int BandWorkingSize = 1200;

// One search through ZXing 1.4 over a view of the image, working around two limits of that
// version:
// - Debian builds it with assertions, and ReadBarcodes aborts (assert in Result::operator==)
//   when it compares two linear results read on several lines, which it does whenever it
//   finds a linear code twice (on two downscaled layers, or two identical codes). Linear
//   codes are therefore read one per call, and the rest of the image searched again.
// - Its DataMatrix detector only walks the image's centre lines, and from the image's edge
//   it only recognises some orientations. Thorough searches also read bands of the image,
//   each centred on another line, in the image and in the image turned a quarter.
class Search
{
public:
    Search(const ZXing::ImageView& view, BarcodeDecoder::Effort effort)
        : m_view(view)
        , m_thorough(effort == BarcodeDecoder::Effort::Thorough)
    {}

    QList<DecodedBarcode> run()
    {
        // For matrix codes tryRotate costs little (the DataMatrix detector's walks in all
        // directions: it otherwise reads only some orientations); it stays on for a camera.
        const ZXing::DecodeHints matrix =
            hints(ReadFormats & ZXing::BarcodeFormat::MatrixCodes).setTryRotate(true);
        collect(ZXing::ReadBarcodes(m_view, matrix), QTransform());
        if (m_thorough) {
            readDataMatrixBands(false);
            readDataMatrixBands(true);
        }
        readLinear(QRect(0, 0, m_view.width(), m_view.height()));
        return m_found;
    }

private:
    ZXing::DecodeHints hints(ZXing::BarcodeFormats formats) const
    {
        return ZXing::DecodeHints()
            .setFormats(formats)
            .setTryHarder(m_thorough)
            .setTryRotate(m_thorough)
            .setTryDownscale(true);
    }

    static ZXing::ImageView crop(const ZXing::ImageView& view, const QRect& region)
    {
        return view.cropped(region.x(), region.y(), region.width(), region.height());
    }

    // One linear code in `region`, then the parts of the region around its bars.
    void readLinear(const QRect& region)
    {
        if (region.width() < 16 || region.height() < 8 || m_linearReads >= MaxLinearReads ||
            m_linearCodes >= MaxLinearCodes) {
            return;
        }
        ++m_linearReads;
        const ZXing::DecodeHints linear =
            hints(ReadFormats & ZXing::BarcodeFormat::LinearCodes).setMaxNumberOfSymbols(1);
        const ZXing::Results results = ZXing::ReadBarcodes(crop(m_view, region), linear);
        const qsizetype known = m_found.size();
        const QRect lines = collect(results, QTransform::fromTranslate(region.x(), region.y()));
        if (results.empty() || !m_thorough)
            return;
        const QRect code = barsExtent(lines.intersected(region)).intersected(region);
        if (m_found.size() > known) {
            ++m_linearCodes;
            m_extents.last() = code;
        }
        if (code.isEmpty())
            return;
        readLinear(QRect(region.left(), region.top(), region.width(), code.top() - region.top()));
        readLinear(QRect(QPoint(region.left(), code.bottom() + 1), region.bottomRight()));
        readLinear(
            QRect(QPoint(region.left(), code.top()), QPoint(code.left() - 1, code.bottom())));
        readLinear(
            QRect(QPoint(code.right() + 1, code.top()), QPoint(region.right(), code.bottom())));
    }

    int luminance(int x, int y) const
    {
        const uint8_t* pixel = m_view.data(x, y);
        const ZXing::ImageFormat format = m_view.format();
        if (format == ZXing::ImageFormat::Lum)
            return *pixel;
        return ZXing::RGBToLum(pixel[ZXing::RedIndex(format)], pixel[ZXing::GreenIndex(format)],
                               pixel[ZXing::BlueIndex(format)]);
    }

    // ZXing places a linear code on the line(s) it read it on. The whole code is every row
    // (column, for a vertical code) that shows the same bars: the rest of the image is
    // searched outside it, so that the same code is not found again and again.
    QRect barsExtent(const QRect& lines) const
    {
        if (lines.isEmpty())
            return lines;
        const bool vertical = lines.height() > lines.width();
        const int start = vertical ? lines.top() : lines.left();
        const int length = vertical ? lines.height() : lines.width();
        const int middle = vertical ? lines.center().x() : lines.center().y();
        const int lineCount = vertical ? m_view.width() : m_view.height();
        // Up to 512 points along the code, taken on one line across it.
        const int samples = std::min(length, 512);
        auto level = [&](int index, int line) {
            const int along = start + index * (length - 1) / std::max(1, samples - 1);
            return vertical ? luminance(line, along) : luminance(along, line);
        };
        std::vector<int> levels(samples);
        for (int i = 0; i < samples; ++i)
            levels[i] = level(i, middle);
        const auto [low, high] = std::minmax_element(levels.cbegin(), levels.cend());
        const int threshold = (*low + *high) / 2;
        auto sameBars = [&](int line) {
            int agree = 0;
            for (int i = 0; i < samples; ++i)
                agree += (level(i, line) < threshold) == (levels[i] < threshold);
            return agree * 10 >= samples * 9;
        };
        int first = middle;
        int last = middle;
        while (first > 0 && sameBars(first - 1))
            --first;
        while (last < lineCount - 1 && sameBars(last + 1))
            ++last;
        // A little more: the bars' blurred ends.
        const QRect bars = vertical ? QRect(first, lines.top(), last - first + 1, lines.height())
                                    : QRect(lines.left(), first, lines.width(), last - first + 1);
        return bars.adjusted(-2, -2, 2, 2);
    }

    // Full-width bands, centred every quarter band height, at several heights: a symbol
    // between a quarter and half a band high crosses one band's centre line inside it.
    void readDataMatrixBands(bool quarterTurn)
    {
        const int scale = std::max(1, std::min(m_view.width(), m_view.height()) / BandWorkingSize);
        const ZXing::ImageView unturned = scale > 1 ? m_view.subsampled(scale) : m_view;
        const ZXing::ImageView view = quarterTurn ? unturned.rotated(90) : unturned;
        // A point of the turned view, (x, y), is (y, height - 1 - x) in the unturned one.
        const QTransform toUnturned =
            quarterTurn ? QTransform(0, -1, 1, 0, 0, unturned.height() - 1) : QTransform();
        const QTransform toImage = toUnturned * QTransform::fromScale(scale, scale);
        // tryRotate: the detector also walks the centre line rightwards and the vertical one.
        const ZXing::DecodeHints dataMatrix = ZXing::DecodeHints()
                                                  .setFormats(ZXing::BarcodeFormat::DataMatrix)
                                                  .setTryHarder(false)
                                                  .setTryRotate(true)
                                                  .setTryDownscale(false);
        for (int band = view.height(); band >= MinBandHeight; band /= 2) {
            const int step = band / 4;
            for (int centre = step / 2; centre < view.height(); centre += step) {
                // Centred on `centre`: narrower near the edges.
                const int half = std::min({band / 2, centre, view.height() - centre});
                if (2 * half < MinBandHeight / 2)
                    continue;
                const QRect region(0, centre - half, view.width(), 2 * half);
                collect(ZXing::ReadBarcodes(crop(view, region), dataMatrix),
                        QTransform::fromTranslate(region.x(), region.y()) * toImage);
            }
        }
    }

    // Adds what was read in a view whose coordinates `toImage` maps to the image's; returns
    // the bounding box of the results in image coordinates.
    QRect collect(const ZXing::Results& results, const QTransform& toImage)
    {
        QRect box;
        for (const ZXing::Result& result : results) {
            QPolygon position;
            for (const ZXing::PointI& corner : result.position())
                position.append(toImage.map(QPoint(corner.x, corner.y)));
            box |= position.boundingRect();
            const DecodedBarcode code{QString::fromLatin1(ZXing::ToString(result.format())),
                                      QString::fromStdString(result.text()), position};
            const bool linear =
                ZXing::BarcodeFormats(ZXing::BarcodeFormat::LinearCodes).testFlag(result.format());
            if (!isKnown(code, linear)) {
                m_found.append(code);
                m_extents.append(position.boundingRect());
            }
        }
        return box;
    }

    // The same symbol read again: another band over a DataMatrix, or what is left of a linear
    // code's bars beside its extent (two identical labels stacked closer than their bar
    // height count as one).
    bool isKnown(const DecodedBarcode& code, bool linear) const
    {
        const QRect box = code.position.boundingRect();
        for (qsizetype i = 0; i < m_found.size(); ++i) {
            const DecodedBarcode& known = m_found.at(i);
            if (known.symbology != code.symbology || known.text != code.text)
                continue;
            QRect extent = m_extents.at(i).adjusted(-2, -2, 2, 2);
            if (linear && extent.width() >= extent.height())
                extent.adjust(0, -extent.height(), 0, extent.height());
            else if (linear)
                extent.adjust(-extent.width(), 0, extent.width(), 0);
            if (extent.intersects(box))
                return true;
        }
        return false;
    }

    const ZXing::ImageView m_view;
    const bool m_thorough;
    int m_linearReads = 0;
    int m_linearCodes = 0;
    QList<DecodedBarcode> m_found;
    QList<QRect> m_extents; // of m_found's codes; for a linear one, its bars once measured
};

QList<DecodedBarcode> read(const QImage& image, BarcodeDecoder::Effort effort)
{
    // constBits(): the view must not detach (copy) the caller's image.
    const ZXing::ImageView view(image.constBits(), image.width(), image.height(),
                                zxingFormat(image.format()), int(image.bytesPerLine()));
    return Search(view, effort).run();
}

} // namespace

QString CodeClassification::kindName(Kind kind)
{
    switch (kind) {
    case Kind::TubeLabel:
        return u"tubeLabel"_s;
    case Kind::InsDataMatrix:
        return u"insDataMatrix"_s;
    case Kind::Unknown:
        break;
    }
    return u"unknown"_s;
}

QList<DecodedBarcode> BarcodeDecoder::decode(const QImage& image, Effort effort)
{
    if (image.isNull())
        return {};
    if (zxingFormat(image.format()) == ZXing::ImageFormat::None)
        return read(image.convertToFormat(QImage::Format_Grayscale8), effort);
    if (hasTransparentPixel(image))
        return read(grayOnWhite(image), effort);
    return read(image, effort);
}

bool BarcodeDecoder::isTubeLabel(const QString& text)
{
    return text.size() >= 4 && text.size() <= 40 &&
           std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u' ' && c <= u'~'; });
}

CodeClassification BarcodeDecoder::classify(const QString& text)
{
    CodeClassification classification;
    // An INS payload is longer than 40 characters, so no text is both.
    if (isTubeLabel(text)) {
        classification.kind = CodeClassification::Kind::TubeLabel;
        return classification;
    }
    if (text.startsWith(u"IS"_s)) {
        const InsDataMatrix::Result ins = InsDataMatrix::parse(text);
        if (ins.valid) {
            classification.kind = CodeClassification::Kind::InsDataMatrix;
            classification.identity = ins.identity;
            return classification;
        }
        classification.malformedIns = true;
        classification.rule = ins.rule;
        classification.reason = tr("INS DataMatrix refused: %1").arg(ins.message);
        return classification;
    }
    classification.rule = u"code.unknown"_s;
    classification.reason = tr("neither a tube label (4 to 40 printable ASCII characters) nor "
                               "an INS DataMatrix");
    return classification;
}

QString BarcodeDecoder::libraryVersion()
{
    return QStringLiteral("%1.%2.%3")
        .arg(ZXING_VERSION_MAJOR)
        .arg(ZXING_VERSION_MINOR)
        .arg(ZXING_VERSION_PATCH);
}
