#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QString>

// Renders a text as a code for printing (tube labels) with ZXing.
class BarcodeEncoder
{
    Q_DECLARE_TR_FUNCTIONS(BarcodeEncoder)

public:
    enum class Symbology
    {
        Code128,    // what lab analysers read on a tube
        DataMatrix, // ECC200, square
        QRCode,
    };

    // A black-on-white 8-bit gray image, `moduleSize` pixels per module (whole pixels keep
    // the edges sharp on a label printer), inside the quiet zone the symbology requires
    // (10 modules for Code 128, 2 for DataMatrix, 4 for QR). A Code 128 is 15% of its width
    // high, at least 32 modules. Returns a null image and sets `error` when the text cannot
    // be encoded (empty, too long, characters the symbology does not carry).
    static QImage encode(const QString& text, Symbology symbology, int moduleSize = 4,
                         QString* error = nullptr);

    // "Code128", "DataMatrix", "QRCode": the names BarcodeDecoder reports.
    static QString symbologyName(Symbology symbology);
};
