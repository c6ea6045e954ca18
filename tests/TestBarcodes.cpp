#include "BarcodeDecoder.h"
#include "BarcodeEncoder.h"
#include "InsDataMatrix.h"

#include <QElapsedTimer>
#include <QPainter>
#include <QRandomGenerator>
#include <QTest>
#include <QTransform>

using namespace Qt::StringLiterals;

namespace {

using Symbology = BarcodeEncoder::Symbology;
using Kind = CodeClassification::Kind;

const QString TubeLabel = u"CHU75-2020-000123"_s;
const QString ActivationUrl =
    u"https://bonjour.tousanticovid.gouv.fr/app/code/8f1c2d3e-4b5a-4c6d-9e7f-0a1b2c3d4e5f"_s;

InsIdentity exampleIdentity()
{
    return {u"185057512345673"_s,
            u"1.2.250.1.213.1.4.8"_s,
            u"ADA"_s,
            u"LOVELACE"_s,
            u"F"_s,
            QDate(1815, 12, 10),
            u"99100"_s};
}

QString insPayload()
{
    return InsDataMatrix::toPayload(exampleIdentity());
}

QImage encoded(const QString& text, Symbology symbology, int moduleSize = 4)
{
    QString error;
    const QImage image = BarcodeEncoder::encode(text, symbology, moduleSize, &error);
    if (image.isNull())
        qWarning("encode failed: %s", qPrintable(error));
    return image;
}

// A camera frame: light, unevenly lit background with some noise, 32-bit as QVideoFrame
// gives it, with `code` pasted at `at`.
QImage makeCameraFrame(const QImage& code, QPoint at)
{
    QImage frame(1280, 720, QImage::Format_RGB32);
    QRandomGenerator random(42);
    for (int y = 0; y < frame.height(); ++y) {
        QRgb* line = reinterpret_cast<QRgb*>(frame.scanLine(y));
        for (int x = 0; x < frame.width(); ++x) {
            const int level = 150 + (x + y) / 40 + int(random.bounded(20));
            line[x] = qRgb(level, level, level - 10);
        }
    }
    QPainter painter(&frame);
    painter.drawImage(at, code);
    painter.end();
    return frame;
}

} // namespace

Q_DECLARE_METATYPE(BarcodeEncoder::Symbology)
Q_DECLARE_METATYPE(CodeClassification::Kind)

// BarcodeEncoder and BarcodeDecoder through ZXing: what one writes the other reads back,
// in generated images and in camera-like frames; and the classification of scanned texts.
class TestBarcodes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void quietZoneAndModules_data();
    void quietZoneAndModules();
    void encodeRefuses_data();
    void encodeRefuses();
    void cameraFrame_data();
    void cameraFrame();
    void fastEffortReadsTheCodeAimedAt_data();
    void fastEffortReadsTheCodeAimedAt();
    void dataMatrixAnywhereInAnyOrientation_data();
    void dataMatrixAnywhereInAnyOrientation();
    void largePhoto();
    void largeLinearCodes();
    void imageFormats_data();
    void imageFormats();
    void decodeLeavesTheImageShared();
    void noCode_data();
    void noCode();
    void severalCodes();
    void classify_data();
    void classify();
};

void TestBarcodes::roundTrip_data()
{
    QTest::addColumn<Symbology>("symbology");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");

    QTest::newRow("Code 128 tube label") << Symbology::Code128 << TubeLabel << u"Code128"_s;
    QTest::newRow("Code 128 short") << Symbology::Code128 << u"A1b2"_s << u"Code128"_s;
    QTest::newRow("Code 128 40 characters")
        << Symbology::Code128 << u"SITE-0123456789-abcdefghij-KLMNOPQRST-~!"_s << u"Code128"_s;
    QTest::newRow("DataMatrix tube label") << Symbology::DataMatrix << TubeLabel << u"DataMatrix"_s;
    QTest::newRow("DataMatrix INS") << Symbology::DataMatrix << insPayload() << u"DataMatrix"_s;
    QTest::newRow("QR activation link") << Symbology::QRCode << ActivationUrl << u"QRCode"_s;
    QTest::newRow("QR short code") << Symbology::QRCode << u"A1B2C3"_s << u"QRCode"_s;
}

void TestBarcodes::roundTrip()
{
    QFETCH(Symbology, symbology);
    QFETCH(QString, text);
    QFETCH(QString, name);

    QCOMPARE(BarcodeEncoder::symbologyName(symbology), name);
    for (int moduleSize : {2, 4}) {
        const QImage image = encoded(text, symbology, moduleSize);
        QVERIFY(!image.isNull());
        const QList<DecodedBarcode> found = BarcodeDecoder::decode(image);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().symbology, name);
        QCOMPARE(found.first().text, text);
        QCOMPARE(found.first().position.size(), 4);
        QVERIFY(image.rect().contains(found.first().position.boundingRect()));
    }
}

void TestBarcodes::quietZoneAndModules_data()
{
    QTest::addColumn<Symbology>("symbology");
    QTest::addColumn<int>("quietModules");

    QTest::newRow("Code 128") << Symbology::Code128 << 10;
    QTest::newRow("DataMatrix") << Symbology::DataMatrix << 2;
    QTest::newRow("QR") << Symbology::QRCode << 4;
}

void TestBarcodes::quietZoneAndModules()
{
    QFETCH(Symbology, symbology);
    QFETCH(int, quietModules);

    const int moduleSize = 3;
    const QImage image = encoded(TubeLabel, symbology, moduleSize);
    QVERIFY(!image.isNull());
    QCOMPARE(image.format(), QImage::Format_Grayscale8);
    QCOMPARE(image.width() % moduleSize, 0);
    QCOMPARE(image.height() % moduleSize, 0);
    const int quiet = quietModules * moduleSize;
    const bool linear = symbology == Symbology::Code128;
    int dark = 0;
    for (int y = 0; y < image.height(); ++y) {
        const uchar* line = image.constScanLine(y);
        for (int x = 0; x < image.width(); ++x) {
            QVERIFY(line[x] == 0 || line[x] == 255);
            const bool inQuietZone = x < quiet || x >= image.width() - quiet ||
                                     (!linear && (y < quiet || y >= image.height() - quiet));
            if (inQuietZone)
                QCOMPARE(line[x], uchar(255));
            dark += line[x] == 0;
        }
    }
    QVERIFY(dark > 0);
    if (linear) // bars 15% of the length high at least, and 32 modules
        QVERIFY(image.height() >=
                std::max(32 * moduleSize, (image.width() - 2 * quiet) * 15 / 100));
}

void TestBarcodes::encodeRefuses_data()
{
    QTest::addColumn<Symbology>("symbology");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("moduleSize");

    QTest::newRow("empty Code 128") << Symbology::Code128 << QString() << 4;
    QTest::newRow("empty DataMatrix") << Symbology::DataMatrix << QString() << 4;
    QTest::newRow("Code 128 accent") << Symbology::Code128 << u"TUBE-É"_s << 4;
    QTest::newRow("Code 128 81 characters") << Symbology::Code128 << QString(81, u'A') << 4;
    QTest::newRow("QR too long") << Symbology::QRCode << QString(8000, u'x') << 1;
    QTest::newRow("module size 0") << Symbology::QRCode << TubeLabel << 0;
    QTest::newRow("module size 65") << Symbology::QRCode << TubeLabel << 65;
}

void TestBarcodes::encodeRefuses()
{
    QFETCH(Symbology, symbology);
    QFETCH(QString, text);
    QFETCH(int, moduleSize);

    QString error;
    QVERIFY(BarcodeEncoder::encode(text, symbology, moduleSize, &error).isNull());
    QVERIFY(!error.isEmpty());
    QVERIFY(text.isEmpty() || !error.contains(text));
    // The error output is optional.
    QVERIFY(BarcodeEncoder::encode(text, symbology, moduleSize).isNull());
}

void TestBarcodes::cameraFrame_data()
{
    QTest::addColumn<Symbology>("symbology");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("rotation");

    for (int rotation : {0, 90}) {
        const QByteArray suffix = rotation ? " rotated 90" : " upright";
        QTest::newRow(QByteArray("Code 128" + suffix).constData())
            << Symbology::Code128 << TubeLabel << rotation;
        QTest::newRow(QByteArray("DataMatrix INS" + suffix).constData())
            << Symbology::DataMatrix << insPayload() << rotation;
        QTest::newRow(QByteArray("QR" + suffix).constData())
            << Symbology::QRCode << ActivationUrl << rotation;
    }
}

void TestBarcodes::cameraFrame()
{
    QFETCH(Symbology, symbology);
    QFETCH(QString, text);
    QFETCH(int, rotation);

    // Small in the frame: 2 pixels per module, as a code held at arm's length.
    QImage code = encoded(text, symbology, 2);
    QVERIFY(!code.isNull());
    code = code.transformed(QTransform().rotate(rotation));
    const QPoint at(700, 200);
    const QImage frame = makeCameraFrame(code, at);

    QElapsedTimer timer;
    timer.start();
    const QList<DecodedBarcode> found = BarcodeDecoder::decode(frame);
    qInfo("%s: %lld ms", QTest::currentDataTag(), timer.elapsed());
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().text, text);
    QCOMPARE(found.first().symbology, BarcodeEncoder::symbologyName(symbology));
    // The position is where the code was pasted, in frame coordinates.
    const QRect where(at, code.size());
    QVERIFY2(where.adjusted(-4, -4, 4, 4).contains(found.first().position.boundingRect()),
             qPrintable(u"found at %1,%2"_s.arg(found.first().position.boundingRect().x())
                            .arg(found.first().position.boundingRect().y())));
}

void TestBarcodes::fastEffortReadsTheCodeAimedAt_data()
{
    QTest::addColumn<Symbology>("symbology");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("rotation");

    QTest::newRow("Code 128") << Symbology::Code128 << TubeLabel << 0;
    for (int rotation : {0, 90, 180, 270}) {
        QTest::addRow("DataMatrix %d", rotation)
            << Symbology::DataMatrix << insPayload() << rotation;
        QTest::addRow("QR %d", rotation) << Symbology::QRCode << ActivationUrl << rotation;
    }
}

void TestBarcodes::fastEffortReadsTheCodeAimedAt()
{
    QFETCH(Symbology, symbology);
    QFETCH(QString, text);
    QFETCH(int, rotation);

    // The camera is aimed at the code: it crosses the middle of the frame.
    const QImage code = encoded(text, symbology, 3).transformed(QTransform().rotate(rotation));
    const QImage frame =
        makeCameraFrame(code, QPoint(640 - code.width() / 3, 360 - code.height() / 3));
    QElapsedTimer timer;
    timer.start();
    const QList<DecodedBarcode> found = BarcodeDecoder::decode(frame, BarcodeDecoder::Effort::Fast);
    qInfo("fast %s: %lld ms", QTest::currentDataTag(), timer.elapsed());
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().text, text);
}

void TestBarcodes::dataMatrixAnywhereInAnyOrientation_data()
{
    QTest::addColumn<QPoint>("at");
    QTest::addColumn<int>("rotation");

    // ZXing 1.4 alone only finds a DataMatrix on the frame's centre lines, in some
    // orientations: BarcodeDecoder looks elsewhere too.
    const QList<QPair<const char*, QPoint>> places = {
        {"top left", QPoint(8, 8)},       {"top right", QPoint(1190, 8)},
        {"bottom left", QPoint(8, 630)},  {"bottom right", QPoint(1190, 630)},
        {"off centre", QPoint(420, 150)},
    };
    for (const auto& [name, at] : places) {
        for (int rotation : {0, 90, 180, 270}) {
            QTest::addRow("%s, %d degrees", name, rotation) << at << rotation;
        }
    }
}

void TestBarcodes::dataMatrixAnywhereInAnyOrientation()
{
    QFETCH(QPoint, at);
    QFETCH(int, rotation);

    const QImage code =
        encoded(insPayload(), Symbology::DataMatrix, 2).transformed(QTransform().rotate(rotation));
    QVERIFY(code.width() <= 82);
    const QList<DecodedBarcode> found = BarcodeDecoder::decode(makeCameraFrame(code, at));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().text, insPayload());
    QVERIFY(QRect(at, code.size())
                .adjusted(-4, -4, 4, 4)
                .contains(found.first().position.boundingRect()));
}

void TestBarcodes::largePhoto()
{
    // A 12-megapixel photo of a document: the DataMatrix is found off the centre lines, and
    // in reasonable time (the band search works on a subsampled view).
    QImage photo(4000, 3000, QImage::Format_RGB32);
    photo.fill(qRgb(235, 235, 228));
    QPainter painter(&photo);
    const QImage code = encoded(insPayload(), Symbology::DataMatrix, 8);
    painter.drawImage(QPoint(600, 500), code);
    painter.drawImage(QPoint(2600, 2300), encoded(TubeLabel, Symbology::Code128, 6));
    painter.end();
    QElapsedTimer timer;
    timer.start();
    const QList<DecodedBarcode> found = BarcodeDecoder::decode(photo);
    qInfo("12 MP photo: %lld ms", timer.elapsed());
    QCOMPARE(found.size(), 2);
    QStringList texts;
    for (const DecodedBarcode& each : found)
        texts.append(each.text);
    QVERIFY(texts.contains(insPayload()));
    QVERIFY(texts.contains(TubeLabel));
}

void TestBarcodes::largeLinearCodes()
{
    // Big bars are read on several downscaled layers and identical labels twice: ZXing 1.4
    // (built with assertions) aborts when it compares such results itself.
    const QImage big = encoded(TubeLabel, Symbology::Code128, 6);
    QImage sheet(big.width() * 2 + 200, big.height() * 3, QImage::Format_Grayscale8);
    sheet.fill(255);
    QPainter painter(&sheet);
    painter.drawImage(QPoint(50, 50), big);
    painter.drawImage(QPoint(big.width() + 150, 50), big);
    painter.drawImage(QPoint(50, big.height() * 2),
                      encoded(u"OTHER-LABEL"_s, Symbology::Code128, 6));
    painter.end();
    for (BarcodeDecoder::Effort effort :
         {BarcodeDecoder::Effort::Thorough, BarcodeDecoder::Effort::Fast}) {
        const QList<DecodedBarcode> found = BarcodeDecoder::decode(sheet, effort);
        QVERIFY(!found.isEmpty());
        if (effort == BarcodeDecoder::Effort::Fast)
            continue;
        QStringList texts;
        for (const DecodedBarcode& each : found)
            texts.append(each.text);
        texts.sort();
        QCOMPARE(texts, QStringList({TubeLabel, TubeLabel, u"OTHER-LABEL"_s}));
    }
}

void TestBarcodes::imageFormats_data()
{
    QTest::addColumn<QImage>("image");

    const QImage gray = encoded(insPayload(), Symbology::DataMatrix, 3);
    // Read in place
    QTest::newRow("Grayscale8") << gray;
    QTest::newRow("RGB32") << gray.convertToFormat(QImage::Format_RGB32);
    QTest::newRow("ARGB32 opaque") << gray.convertToFormat(QImage::Format_ARGB32);
    QTest::newRow("ARGB32_Premultiplied opaque")
        << gray.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    QTest::newRow("RGBA8888 opaque") << gray.convertToFormat(QImage::Format_RGBA8888);
    QTest::newRow("RGBX8888") << gray.convertToFormat(QImage::Format_RGBX8888);
    QTest::newRow("RGB888 (padded lines)") << encoded(insPayload(), Symbology::DataMatrix, 3)
                                                  .copy(0, 0, gray.width() - 1, gray.height() - 1)
                                                  .convertToFormat(QImage::Format_RGB888);
    QTest::newRow("BGR888") << gray.convertToFormat(QImage::Format_BGR888);
    // Converted first
    QTest::newRow("Mono") << gray.convertToFormat(QImage::Format_Mono);
    QTest::newRow("Indexed8") << gray.convertToFormat(QImage::Format_Indexed8);
    QTest::newRow("Grayscale16") << gray.convertToFormat(QImage::Format_Grayscale16);
    QTest::newRow("RGB16") << gray.convertToFormat(QImage::Format_RGB16);

    // Black modules on a transparent background, as a label designer exports them: read as
    // if on white paper, whatever the transparent pixels' colour.
    for (QImage::Format format :
         {QImage::Format_ARGB32, QImage::Format_ARGB32_Premultiplied, QImage::Format_RGBA8888}) {
        QImage transparent(gray.size(), format);
        transparent.fill(Qt::transparent);
        for (int y = 0; y < gray.height(); ++y) {
            for (int x = 0; x < gray.width(); ++x) {
                if (qGray(gray.pixel(x, y)) == 0)
                    transparent.setPixel(x, y, qRgba(0, 0, 0, 255));
            }
        }
        QTest::newRow(qPrintable(u"transparent background %1"_s.arg(int(format)))) << transparent;
    }
}

void TestBarcodes::imageFormats()
{
    QFETCH(QImage, image);
    const QList<DecodedBarcode> found = BarcodeDecoder::decode(image);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().text, insPayload());
}

void TestBarcodes::decodeLeavesTheImageShared()
{
    // Reading a camera frame must not copy it: the view is over the caller's pixels.
    const QImage frame =
        makeCameraFrame(encoded(TubeLabel, Symbology::Code128, 3), QPoint(100, 100));
    const QImage shared = frame;
    const uchar* before = shared.constBits();
    QCOMPARE(BarcodeDecoder::decode(shared).size(), 1);
    QCOMPARE(shared.constBits(), before);
    QCOMPARE(frame.constBits(), before);
}

void TestBarcodes::noCode_data()
{
    QTest::addColumn<QImage>("image");

    QImage white(640, 480, QImage::Format_RGB32);
    white.fill(Qt::white);
    QTest::newRow("white") << white;
    QImage black(640, 480, QImage::Format_Grayscale8);
    black.fill(0);
    QTest::newRow("black") << black;
    QImage gradient(1280, 720, QImage::Format_RGB32);
    for (int y = 0; y < gradient.height(); ++y) {
        for (int x = 0; x < gradient.width(); ++x)
            gradient.setPixel(x, y, qRgb(x % 256, y % 256, (x + y) % 256));
    }
    QTest::newRow("gradient") << gradient;
    QTest::newRow("camera frame without a code") << makeCameraFrame(QImage(), QPoint());
    QTest::newRow("null") << QImage();
    QTest::newRow("1x1") << QImage(1, 1, QImage::Format_Grayscale8);
}

void TestBarcodes::noCode()
{
    QFETCH(QImage, image);
    QVERIFY(BarcodeDecoder::decode(image).isEmpty());
    QVERIFY(BarcodeDecoder::decode(image, BarcodeDecoder::Effort::Fast).isEmpty());
}

void TestBarcodes::severalCodes()
{
    // A tube label: the Code 128 and the DataMatrix of the same accession, side by side.
    const QImage linear = encoded(TubeLabel, Symbology::Code128, 3);
    const QImage matrix = encoded(TubeLabel, Symbology::DataMatrix, 3);
    QImage label(linear.width() + matrix.width() + 40,
                 std::max(linear.height(), matrix.height()) + 40, QImage::Format_Grayscale8);
    label.fill(255);
    QPainter painter(&label);
    painter.drawImage(QPoint(20, 20), linear);
    painter.drawImage(QPoint(linear.width() + 20, 20), matrix);
    painter.end();

    const QList<DecodedBarcode> found = BarcodeDecoder::decode(label);
    QCOMPARE(found.size(), 2);
    QStringList symbologies;
    for (const DecodedBarcode& code : found) {
        QCOMPARE(code.text, TubeLabel);
        symbologies.append(code.symbology);
    }
    symbologies.sort();
    QCOMPARE(symbologies, QStringList({u"Code128"_s, u"DataMatrix"_s}));
}

void TestBarcodes::classify_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<bool>("malformedIns");
    QTest::addColumn<QString>("rule");

    QTest::newRow("tube label") << TubeLabel << Kind::TubeLabel << false << QString();
    QTest::newRow("4 characters") << u"A-12"_s << Kind::TubeLabel << false << QString();
    QTest::newRow("40 characters") << QString(40, u'7') << Kind::TubeLabel << false << QString();
    QTest::newRow("spaces and tilde") << u"AB 12~"_s << Kind::TubeLabel << false << QString();
    QTest::newRow("starts like INS but short")
        << u"IS0100"_s << Kind::TubeLabel << false << QString();
    QTest::newRow("INS") << insPayload() << Kind::InsDataMatrix << false << QString();

    QTest::newRow("3 characters") << u"A12"_s << Kind::Unknown << false << u"code.unknown"_s;
    QTest::newRow("41 characters")
        << QString(41, u'7') << Kind::Unknown << false << u"code.unknown"_s;
    QTest::newRow("tab") << u"AB\t12"_s << Kind::Unknown << false << u"code.unknown"_s;
    QTest::newRow("accent") << u"TUBE-É"_s << Kind::Unknown << false << u"code.unknown"_s;
    QTest::newRow("empty") << QString() << Kind::Unknown << false << u"code.unknown"_s;
    QTest::newRow("activation link")
        << ActivationUrl << Kind::Unknown << false << u"code.unknown"_s;

    InsIdentity badKey = exampleIdentity();
    badKey.matricule = u"185057512345674"_s;
    QTest::newRow("INS, bad key") << InsDataMatrix::toPayload(badKey) << Kind::Unknown << true
                                  << u"nir.key"_s;
    QTest::newRow("INS, version 02")
        << QString(u"IS02"_s + insPayload().mid(4)) << Kind::Unknown << true << u"ins.version"_s;
    QTest::newRow("INS, truncated")
        << insPayload().left(50) << Kind::Unknown << true << u"ins.S3.missing"_s;
}

void TestBarcodes::classify()
{
    QFETCH(QString, text);
    QFETCH(Kind, kind);
    QFETCH(bool, malformedIns);
    QFETCH(QString, rule);

    const CodeClassification classification = BarcodeDecoder::classify(text);
    QCOMPARE(classification.kind, kind);
    QCOMPARE(classification.malformedIns, malformedIns);
    QCOMPARE(classification.rule, rule);
    QCOMPARE(classification.reason.isEmpty(), kind != Kind::Unknown);
    if (kind == Kind::InsDataMatrix) {
        QCOMPARE(classification.identity.matricule, exampleIdentity().matricule);
        QCOMPARE(classification.identity.birthDate, exampleIdentity().birthDate);
    } else {
        QVERIFY(classification.identity.matricule.isEmpty());
    }
    if (malformedIns) {
        QVERIFY(!classification.reason.contains(u"LOVELACE"_s));
        QVERIFY(!classification.reason.contains(u"1850575"_s));
    }
    QCOMPARE(BarcodeDecoder::isTubeLabel(text), kind == Kind::TubeLabel);
    QCOMPARE(CodeClassification::kindName(kind), kind == Kind::TubeLabel       ? u"tubeLabel"_s
                                                 : kind == Kind::InsDataMatrix ? u"insDataMatrix"_s
                                                                               : u"unknown"_s);
}

QTEST_GUILESS_MAIN(TestBarcodes)
#include "TestBarcodes.moc"
