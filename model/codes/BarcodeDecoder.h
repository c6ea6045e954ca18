#pragma once

#include "InsDataMatrix.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QPolygon>
#include <QString>

// One code found in an image.
struct DecodedBarcode
{
    QString symbology; // "Code128", "DataMatrix", "QRCode", "EAN-13"...
    QString text;
    QPolygon
        position; // the corners in image pixels: top-left, top-right, bottom-right, bottom-left
};

// What a scanned text is, whatever read it (camera, image file, keyboard-wedge scanner).
struct CodeClassification
{
    enum class Kind
    {
        Unknown,
        TubeLabel,     // a specimen.accession: 4-40 printable ASCII
        InsDataMatrix, // a valid INS DataMatrix; `identity` holds it
    };

    Kind kind = Kind::Unknown;
    InsIdentity identity;
    // Set when the text starts like an INS DataMatrix but was refused: the user meant to
    // read an identity and must be told why it was not taken.
    bool malformedIns = false;
    // Why the text is Unknown: a stable rule id and a translated reason without the text.
    QString rule;
    QString reason;

    // "tubeLabel", "insDataMatrix" or "unknown", as the JSON outputs write it.
    static QString kindName(Kind kind);
};

// Reads the codes in an image with ZXing, and says what a code's text is.
class BarcodeDecoder
{
    Q_DECLARE_TR_FUNCTIONS(BarcodeDecoder)

public:
    enum class Effort
    {
        // An image file or a still: every code anywhere, linear ones in any orientation
        // (about 0.1 s for 1280x720, 1 s for 12 megapixels).
        Thorough,
        // One camera frame of many (about 10 ms for 1280x720): a DataMatrix must cross the
        // middle of the frame, a linear code be roughly level near it, and one linear code
        // is read per frame. A code missed now is read in a later frame.
        Fast,
    };

    // Code 128, Code 39/93, Codabar, ITF, EAN/UPC, DataMatrix, QR, Micro QR, PDF417 and
    // Aztec, each symbol once. 32-bit RGB, RGB888 and 8-bit gray images are read in place,
    // without a copy; other formats (and images that are actually transparent) are
    // converted to gray first.
    static QList<DecodedBarcode> decode(const QImage& image, Effort effort = Effort::Thorough);

    static CodeClassification classify(const QString& text);
    // 4-40 printable ASCII characters (annex1 specimen.accession).
    static bool isTubeLabel(const QString& text);

    // The ZXing-C++ version built against ("1.4.0"; the library has no run-time query, and
    // its soname changes with its ABI): for the About box.
    static QString libraryVersion();
};
