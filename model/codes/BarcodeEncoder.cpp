#include "BarcodeEncoder.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <algorithm>
#include <stdexcept>

using namespace Qt::StringLiterals;

namespace {

ZXing::BarcodeFormat zxingFormat(BarcodeEncoder::Symbology symbology)
{
    switch (symbology) {
    case BarcodeEncoder::Symbology::Code128:
        return ZXing::BarcodeFormat::Code128;
    case BarcodeEncoder::Symbology::DataMatrix:
        return ZXing::BarcodeFormat::DataMatrix;
    case BarcodeEncoder::Symbology::QRCode:
        break;
    }
    return ZXing::BarcodeFormat::QRCode;
}

int quietZoneModules(BarcodeEncoder::Symbology symbology)
{
    switch (symbology) {
    case BarcodeEncoder::Symbology::Code128:
        return 10;
    case BarcodeEncoder::Symbology::DataMatrix:
        return 2;
    case BarcodeEncoder::Symbology::QRCode:
        break;
    }
    return 4;
}

constexpr int MaxModuleSize = 64;
constexpr int MinCode128HeightModules = 32;

} // namespace

QString BarcodeEncoder::symbologyName(Symbology symbology)
{
    return QString::fromLatin1(ZXing::ToString(zxingFormat(symbology)));
}

QImage BarcodeEncoder::encode(const QString& text, Symbology symbology, int moduleSize,
                              QString* error)
{
    auto refuse = [error](const QString& message) {
        if (error)
            *error = message;
        return QImage();
    };
    if (moduleSize < 1 || moduleSize > MaxModuleSize)
        return refuse(tr("the module size must be 1 to %1 pixels").arg(MaxModuleSize));
    if (text.isEmpty())
        return refuse(tr("there is nothing to encode"));

    // One matrix cell per module, no margin: the scaling and the quiet zone are ours.
    ZXing::BitMatrix matrix;
    try {
        matrix = ZXing::MultiFormatWriter(zxingFormat(symbology))
                     .setMargin(0)
                     .encode(text.toStdWString(), 0, 0);
    } catch (const std::exception&) {
        // ZXing's message may quote the text; ours says what to change.
        return refuse(symbology == Symbology::Code128
                          ? tr("Code 128 carries 1 to 80 ASCII characters")
                          : tr("the text is too long or has characters this code cannot carry"));
    }
    if (matrix.width() <= 0 || matrix.height() <= 0)
        return refuse(tr("the text cannot be encoded"));

    const bool linear = symbology == Symbology::Code128;
    const int quiet = quietZoneModules(symbology);
    const int columns = matrix.width();
    const int rows =
        linear ? std::max(MinCode128HeightModules, (columns * 15 + 99) / 100) : matrix.height();
    QImage image((columns + 2 * quiet) * moduleSize, (rows + 2 * (linear ? 0 : quiet)) * moduleSize,
                 QImage::Format_Grayscale8);
    if (image.isNull())
        return refuse(tr("the image is too large"));
    image.fill(255);
    const int top = linear ? 0 : quiet;
    for (int row = 0; row < rows; ++row) {
        // A linear code's matrix is one row: every bar runs the full height.
        const int matrixRow = linear ? 0 : row;
        for (int pixelRow = 0; pixelRow < moduleSize; ++pixelRow) {
            uchar* line = image.scanLine((top + row) * moduleSize + pixelRow);
            for (int column = 0; column < columns; ++column) {
                if (matrix.get(column, matrixRow))
                    std::fill_n(line + (quiet + column) * moduleSize, moduleSize, uchar(0));
            }
        }
    }
    return image;
}
