#include "BarcodeDecoder.h"
#include "QrCode.h"
#include "ResultSlip.h"

#include <QFile>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <ctime>

using namespace Qt::StringLiterals;

namespace {

const QString Link =
    u"https://bonjour.tousanticovid.gouv.fr/app/code/3f1b6a1e-8c1d-4b7e-9f53-2a6d0c4e9b10"_s;

ResultStore::SlipContent positiveSlip()
{
    ResultStore::SlipContent content;
    content.siteName = u"Centre de dépistage Bastille"_s;
    content.siteFiness = u"750712184"_s;
    content.accession = u"CHU75-2020-000123"_s;
    content.collectedAt = u"2020-11-02T09:30:00+01:00"_s;
    content.analysis = u"94500-6"_s;
    content.value = u"P"_s;
    content.validatedAt = u"2020-11-02T18:05:00+01:00"_s;
    content.activationCode = u"K7QF2Z"_s;
    content.activationLink = Link;
    return content;
}

QStringList qrTexts(const QImage& image)
{
    QStringList texts;
    for (const DecodedBarcode& code : BarcodeDecoder::decode(image)) {
        if (code.symbology == u"QRCode"_s)
            texts.append(code.text);
    }
    return texts;
}

} // namespace

// The QR code (libqrencode behind QrCode) and the printed result slip: both decode, with
// ZXing, to exactly the activation link.
class TestQrAndSlip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void qrImageDecodesToTheLink_data();
    void qrImageDecodesToTheLink();
    void qrImageHasQuietZone();
    void emptyTextIsRefused();
    void slipPageDecodesToTheLink();
    void slipInWords_data();
    void slipInWords();
    void negativeSlipHasNoQrCode();
    void pdfSlipIsAPdfWithTheTextAndTheQrCode();
    void slipTimesAreTheSitesLocalTime();
};

void TestQrAndSlip::qrImageDecodesToTheLink_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("moduleSize");
    QTest::newRow("later form") << Link << 4;
    QTest::newRow("2020 form")
        << u"https://app.stopcovid.gouv.fr?code=3f1b6a1e-8c1d-4b7e-9f53-2a6d0c4e9b10&type=1"_s << 3;
    QTest::newRow("short code") << u"https://bonjour.tousanticovid.gouv.fr/app/code/K7QF2Z"_s << 8;
}

void TestQrAndSlip::qrImageDecodesToTheLink()
{
    QFETCH(QString, text);
    QFETCH(int, moduleSize);
    const QrCode code(text);
    QVERIFY(!code.isNull());
    const QImage image = code.toImage(moduleSize);
    QCOMPARE(image.width(), (code.size() + 2 * QrCode::QuietZone) * moduleSize);
    QCOMPARE(qrTexts(image), QStringList{text});
}

void TestQrAndSlip::qrImageHasQuietZone()
{
    const QrCode code(Link);
    const QImage image = code.toImage(2);
    const int quiet = QrCode::QuietZone * 2;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (x < quiet || y < quiet || x >= image.width() - quiet ||
                y >= image.height() - quiet) {
                QCOMPARE(qGray(image.pixel(x, y)), 255);
            }
        }
    }
    QVERIFY(code.isDark(0, 0)); // a finder pattern's corner
}

void TestQrAndSlip::emptyTextIsRefused()
{
    const QrCode code{QString()};
    QVERIFY(code.isNull());
    QVERIFY(!code.errorString().isEmpty());
    QVERIFY(code.toImage().isNull());
    QVERIFY(QrCode(QString(8000, u'x')).isNull());
}

void TestQrAndSlip::slipPageDecodesToTheLink()
{
    // The same paint() the PDF and the printer use, rendered to an image.
    const ResultSlip slip(positiveSlip(), ResultSlip::Language::French);
    const QImage page = slip.toImage(150);
    QVERIFY(!page.isNull());
    QCOMPARE(qrTexts(page), QStringList{Link});
    // Also through paint() on a page of another size.
    QImage other(1240, 1754, QImage::Format_RGB32);
    other.fill(Qt::white);
    QPainter painter(&other);
    slip.paint(painter, QRectF(60, 60, 1120, 1634));
    painter.end();
    QCOMPARE(qrTexts(other), QStringList{Link});
}

void TestQrAndSlip::slipInWords_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("french");
    QTest::addColumn<QString>("english");
    QTest::newRow("P") << u"P"_s << u"Positif"_s << u"Positive"_s;
    QTest::newRow("N") << u"N"_s << u"Négatif"_s << u"Negative"_s;
    QTest::newRow("I") << u"I"_s << u"Ininterprétable"_s << u"Inconclusive"_s;
    QTest::newRow("X") << u"X"_s << u"Prélèvement non conforme"_s << u"Non-conforming sample"_s;
}

void TestQrAndSlip::slipInWords()
{
    QFETCH(QString, value);
    QFETCH(QString, french);
    QFETCH(QString, english);
    ResultStore::SlipContent content = positiveSlip();
    content.value = value;
    QCOMPARE(ResultSlip(content, ResultSlip::Language::French).valueInWords(), french);
    QCOMPARE(ResultSlip(content, ResultSlip::Language::English).valueInWords(), english);
}

void TestQrAndSlip::negativeSlipHasNoQrCode()
{
    ResultStore::SlipContent content = positiveSlip();
    content.value = u"N"_s;
    QVERIFY(qrTexts(ResultSlip(content).toImage(100)).isEmpty());
}

void TestQrAndSlip::pdfSlipIsAPdfWithTheTextAndTheQrCode()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"slip.pdf"_s);
    ResultStore::SlipContent content = positiveSlip();
    content.reprint = true;
    content.reprintReason = u"patient lost it"_s;
    QString error;
    QVERIFY2(ResultSlip(content, ResultSlip::Language::English).writePdf(path, &error),
             qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");

    const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
    const QString pdftoppm = QStandardPaths::findExecutable(u"pdftoppm"_s);
    if (pdftotext.isEmpty() || pdftoppm.isEmpty())
        QSKIP("poppler-utils (pdftotext, pdftoppm) is not installed: scripts/install-deps");
    QProcess text;
    text.start(pdftotext, {u"-layout"_s, path, u"-"_s});
    QVERIFY(text.waitForFinished(60000));
    QCOMPARE(text.exitCode(), 0);
    const QString words = QString::fromUtf8(text.readAllStandardOutput());
    for (const QString& expected :
         {u"CHU75-2020-000123"_s, u"POSITIVE"_s, u"K7QF2Z"_s, u"REPRINT"_s, u"patient lost it"_s,
          u"750712184"_s, u"close contact"_s, u"protective measures"_s}) {
        QVERIFY2(words.contains(expected), qPrintable(expected + u" not in:\n"_s + words));
    }

    QProcess raster;
    raster.start(pdftoppm,
                 {u"-r"_s, u"150"_s, u"-png"_s, u"-singlefile"_s, path, dir.filePath(u"page"_s)});
    QVERIFY(raster.waitForFinished(60000));
    QCOMPARE(raster.exitCode(), 0);
    const QImage page(dir.filePath(u"page.png"_s));
    QVERIFY(!page.isNull());
    QCOMPARE(qrTexts(page), QStringList{Link});
}

// A result validated "now" is stored in UTC; the slip the patient reads says the time of the
// site. The zone is set here so that the test means the same on every machine.
void TestQrAndSlip::slipTimesAreTheSitesLocalTime()
{
    const QByteArray previousZone = qgetenv("TZ");
    qputenv("TZ", "Europe/Paris");
    tzset();
    ResultStore::SlipContent content = positiveSlip();
    content.validatedAt = u"2020-11-02T17:05:00Z"_s;      // 18:05 in Paris (winter)
    content.collectedAt = u"2020-07-02T09:30:00-04:00"_s; // 15:30 in Paris (summer)
    const ResultSlip slip(content, ResultSlip::Language::French);
    const QString validated = slip.formatDateTime(content.validatedAt);
    const QString collected = slip.formatDateTime(content.collectedAt);
    if (previousZone.isNull())
        qunsetenv("TZ");
    else
        qputenv("TZ", previousZone);
    tzset();
    QVERIFY2(validated.startsWith(u"02/11/2020 18:05"_s), qPrintable(validated));
    QVERIFY2(!validated.contains(u"UTC"_s), qPrintable(validated));
    QVERIFY2(collected.startsWith(u"02/07/2020 15:30"_s), qPrintable(collected));
}

QTEST_MAIN(TestQrAndSlip)
#include "TestQrAndSlip.moc"
