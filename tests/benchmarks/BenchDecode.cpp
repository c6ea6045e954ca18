// Reading codes in camera frames: tube labels (the Code 128 and the DataMatrix the label
// printer draws) and INS DataMatrix codes on a document, and the activation QR code of a
// result slip, each placed in a 1280x720 grey frame as a webcam would see it (smaller than
// printed, turned a little, blurred, noisy, unevenly lit). Each frame is decoded with
// BarcodeDecoder, Fast (one camera frame of many) and Thorough (an image file); the frames
// with a code zbar reads too (Code 128, QR) are written to PNG files and read by `zbarimg`,
// the baseline, on the same images. Prints figures; asserts nothing.
//
//   bench_decode [--frames N] [--repeat N] [--zbarimg PATH] [--png-dir DIR] [--tsv]
//     N frames of each kind (default 20), each decoded N times (default 5); zbarimg from
//     PATH (default: found on $PATH; skipped when there is none); --tsv prints
//     "name<TAB>value" lines for scripts/bench instead of the text.
//
// zbarimg runs as a process per image, as a user or a script runs it: its time includes the
// process start and loading the PNG. The start is measured apart, on a 1x1 PNG, and is
// subtracted in the "less its start" figure. CPU times are printed beside the wall times:
// on a loaded machine the wall time includes waiting for a core.

#include "ActivationCodes.h"
#include "BarcodeDecoder.h"
#include "BarcodeEncoder.h"
#include "BenchSupport.h"
#include "InsDataMatrix.h"
#include "QrCode.h"
#include "TubeLabelPrinter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QMap>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <cmath>
#include <ctime>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace Bench;

namespace {

constexpr QSize FrameSize(1280, 720);

// On a loaded machine the wall time waits for a core; the CPU time does not.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

// User and system time of the children waited for so far (zbarimg).
double childrenCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

double percentileOf(QList<double> values, int percent)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, values.size() * percent / 100));
}

struct Timings
{
    QList<double> ms;
    QList<double> cpuMs;
    int calls = 0;
    int successes = 0;

    void add(double wall, double cpu)
    {
        ms.append(wall);
        cpuMs.append(cpu);
        ++calls;
    }
    double percentile(int percent) const { return percentileOf(ms, percent); }
    double median() const { return percentile(50); }
    double cpuMedian() const { return percentileOf(cpuMs, 50); }
    double successRate() const { return calls ? 100.0 * successes / calls : 0; }
};

// Printed black is not black nor paper white under a webcam: the contrast is squeezed.
QImage asPrinted(const QImage& image, int ink = 40, int paper = 225)
{
    QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    for (int y = 0; y < gray.height(); ++y) {
        uchar* line = gray.scanLine(y);
        for (int x = 0; x < gray.width(); ++x)
            line[x] = uchar(ink + line[x] * (paper - ink) / 255);
    }
    return gray;
}

// A desk seen by the camera: lit from one side, with some texture.
QImage background(QRandomGenerator& random)
{
    QImage frame(FrameSize, QImage::Format_RGB32);
    const int light = 110 + int(random.bounded(40));
    for (int y = 0; y < frame.height(); ++y) {
        QRgb* line = reinterpret_cast<QRgb*>(frame.scanLine(y));
        for (int x = 0; x < frame.width(); ++x) {
            const int level = light + (x + y) / 30 + int(random.bounded(12));
            line[x] = qRgb(level, level, level);
        }
    }
    return frame;
}

// `sheet` drawn into the frame centred on `centre`, scaled and turned, smoothly resampled
// as the lens and the sensor do.
void place(QImage* frame, const QImage& sheet, QPointF centre, double scale, double degrees)
{
    QPainter painter(frame);
    painter.setRenderHints(QPainter::SmoothPixmapTransform | QPainter::Antialiasing);
    painter.translate(centre);
    painter.rotate(degrees);
    painter.scale(scale, scale);
    painter.drawImage(QPointF(-sheet.width() / 2.0, -sheet.height() / 2.0), sheet);
}

// The camera's optics and sensor: a slight blur (3x3 binomial), gaussian-like noise, then
// the 8-bit grey frame a decoder gets.
QImage camera(const QImage& frame, QRandomGenerator& random)
{
    const QImage gray = frame.convertToFormat(QImage::Format_Grayscale8);
    QImage out(gray.size(), QImage::Format_Grayscale8);
    const int w = gray.width();
    const int h = gray.height();
    for (int y = 0; y < h; ++y) {
        const uchar* rows[3] = {gray.constScanLine(std::max(0, y - 1)), gray.constScanLine(y),
                                gray.constScanLine(std::min(h - 1, y + 1))};
        uchar* line = out.scanLine(y);
        for (int x = 0; x < w; ++x) {
            const int l = std::max(0, x - 1);
            const int r = std::min(w - 1, x + 1);
            int sum = 0;
            static constexpr int Weights[3] = {1, 2, 1};
            for (int k = 0; k < 3; ++k)
                sum += Weights[k] * (rows[k][l] + 2 * rows[k][x] + rows[k][r]);
            // Sum of four uniforms: roughly gaussian, sigma about 3.5 levels.
            const int noise = int(random.bounded(7)) + int(random.bounded(7)) +
                              int(random.bounded(7)) + int(random.bounded(7)) - 12;
            line[x] = uchar(std::clamp(sum / 16 + noise, 0, 255));
        }
    }
    return out;
}

double uniform(QRandomGenerator& random, double low, double high)
{
    return low + random.generateDouble() * (high - low);
}

struct Frame
{
    QImage image;
    QString pngPath; // set for the frames zbarimg reads
};

struct Kind
{
    QString key;  // for --tsv
    QString name; // for people
    QString text;
    QStringList symbologies; // what must be read, each with `text`
    bool zbarReads = false;  // zbar reads the first symbology
    QList<Frame> frames;
};

// A tube label as TubeLabelPrinter draws it (Code 128 across, DataMatrix under it), printed
// at 600 dpi on a 50 x 25 mm label, held about 15 cm from the webcam: the label about half
// the frame's width (2.2-2.8 pixels a bar module), nearly level, near the middle.
Kind tubeLabels(int count, QRandomGenerator& random)
{
    Kind kind{u"tube"_s,
              u"tube label (Code 128 + DataMatrix)"_s,
              u"S75-2026-000123"_s,
              {u"Code128"_s, u"DataMatrix"_s},
              true,
              {}};
    QImage label(1181, 591, QImage::Format_RGB32); // 50 x 25 mm at 600 dpi
    label.fill(Qt::white);
    {
        QPainter painter(&label);
        TubeLabelPrinter::paint(painter, QRectF(label.rect()), kind.text, u"CHU Exemple"_s,
                                QDate(2026, 11, 29));
    }
    const QImage printed = asPrinted(label);
    for (int i = 0; i < count; ++i) {
        QImage frame = background(random);
        const double width = uniform(random, 560, 700);
        place(&frame, printed,
              QPointF(640 + uniform(random, -80, 80), 360 + uniform(random, -60, 60)),
              width / printed.width(), uniform(random, -4, 4));
        kind.frames.append({camera(frame, random), {}});
    }
    return kind;
}

// The INS DataMatrix of an attestation held up to the camera, the code crossing the middle
// of the frame, about 3.5 pixels a module, turned any way.
Kind insDataMatrices(int count, QRandomGenerator& random)
{
    const InsIdentity identity{u"185057512345673"_s,
                               u"1.2.250.1.213.1.4.8"_s,
                               u"ADA"_s,
                               u"LOVELACE"_s,
                               u"F"_s,
                               QDate(1815, 12, 10),
                               u"99100"_s};
    Kind kind{u"ins"_s,
              u"INS DataMatrix on a document"_s,
              InsDataMatrix::toPayload(identity),
              {u"DataMatrix"_s},
              false,
              {}};
    QString error;
    const QImage code =
        BarcodeEncoder::encode(kind.text, BarcodeEncoder::Symbology::DataMatrix, 4, &error);
    if (code.isNull())
        qFatal("INS DataMatrix: %s", qPrintable(error));
    // The document around the code: paper with lines of print.
    QImage sheet(code.width() * 4, code.height() * 3, QImage::Format_RGB32);
    sheet.fill(Qt::white);
    {
        QPainter painter(&sheet);
        for (int line = 0; line < 12; ++line)
            painter.fillRect(QRect(code.width() + 30, 20 + line * code.height() / 5,
                                   sheet.width() - code.width() - 60 - (line % 3) * 80, 6),
                             Qt::black);
        painter.drawImage(QPoint(10, code.height()), code);
    }
    const QImage printed = asPrinted(sheet);
    const int modules = code.width() / 4;
    // Where the code's centre is on the sheet, from the sheet's centre.
    const QPointF codeOffset(10 + code.width() / 2.0 - sheet.width() / 2.0,
                             code.height() * 1.5 - sheet.height() / 2.0);
    for (int i = 0; i < count; ++i) {
        QImage frame = background(random);
        const double scale = uniform(random, 3.0, 4.0) * modules / code.width();
        const double degrees = 90.0 * int(random.bounded(4)) + uniform(random, -20, 20);
        // Centre the code itself near the middle: the sheet is placed around it.
        const QPointF target(640 + uniform(random, -40, 40), 360 + uniform(random, -40, 40));
        const QPointF offset = QTransform().rotate(degrees).scale(scale, scale).map(codeOffset);
        place(&frame, printed, target - offset, scale, degrees);
        kind.frames.append({camera(frame, random), {}});
    }
    return kind;
}

// The activation QR code of a positive result's slip (the link with its code, level M as
// ResultSlip prints it), about 3 pixels a module, turned any way.
Kind activationQrCodes(int count, QRandomGenerator& random)
{
    Kind kind{u"qr"_s,
              u"activation QR code on a slip"_s,
              ActivationCodes::link(ActivationCodes::DefaultLinkTemplate,
                                    u"8f1c2d3e-4b5a-4c6d-9e7f-0a1b2c3d4e5f"_s),
              {u"QRCode"_s},
              true,
              {}};
    const QrCode qr(kind.text);
    if (qr.isNull())
        qFatal("QR: %s", qPrintable(qr.errorString()));
    const QImage code = qr.toImage(6);
    const int modules = qr.size() + 2 * QrCode::QuietZone;
    QImage sheet(code.width() * 2, code.height() * 2, QImage::Format_RGB32);
    sheet.fill(Qt::white);
    {
        QPainter painter(&sheet);
        painter.drawImage(QPoint(code.width() / 2, code.height() / 4), code);
        for (int line = 0; line < 4; ++line)
            painter.fillRect(QRect(40, code.height() * 5 / 4 + 30 + line * 40,
                                   sheet.width() - 80 - line * 60, 10),
                             Qt::black);
    }
    const QImage printed = asPrinted(sheet);
    const QPointF codeOffset(0, code.height() * 0.75 - sheet.height() / 2.0);
    for (int i = 0; i < count; ++i) {
        QImage frame = background(random);
        const double scale = uniform(random, 2.6, 3.4) * modules / code.width();
        const double degrees = 90.0 * int(random.bounded(4)) + uniform(random, -20, 20);
        const QPointF target(640 + uniform(random, -60, 60), 360 + uniform(random, -40, 40));
        const QPointF offset = QTransform().rotate(degrees).scale(scale, scale).map(codeOffset);
        place(&frame, printed, target - offset, scale, degrees);
        kind.frames.append({camera(frame, random), {}});
    }
    return kind;
}

// Read when each symbology asked for is found with the expected text (for the Fast
// effort, which reads one linear code per frame, any one of them is enough: the camera
// dialog takes the first code it reads).
bool isRead(const QList<DecodedBarcode>& found, const Kind& kind, bool anyOne)
{
    int read = 0;
    for (const QString& symbology : kind.symbologies) {
        const bool hit = std::any_of(found.begin(), found.end(), [&](const DecodedBarcode& code) {
            return code.symbology == symbology && code.text == kind.text;
        });
        read += hit;
    }
    return anyOne ? read > 0 : read == kind.symbologies.size();
}

bool symbologyRead(const QList<DecodedBarcode>& found, const Kind& kind, const QString& symbology)
{
    return std::any_of(found.begin(), found.end(), [&](const DecodedBarcode& code) {
        return code.symbology == symbology && code.text == kind.text;
    });
}

struct ZbarRun
{
    double ms = 0;
    double cpuMs = 0;
    bool read = false;
};

ZbarRun runZbar(const QString& zbarimg, const QString& png, const QString& expected)
{
    QProcess process;
    const double cpuBefore = childrenCpuMs();
    QElapsedTimer timer;
    timer.start();
    // --nodbus: Debian's zbarimg would otherwise try to send each code it reads to the
    // system bus, a cost that is not reading.
    process.start(zbarimg, {u"-q"_s, u"--raw"_s, u"--nodbus"_s, png});
    if (!process.waitForFinished(30000))
        qFatal("zbarimg did not finish");
    ZbarRun run{ms(timer), childrenCpuMs() - cpuBefore, false};
    const QStringList lines = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n');
    run.read = lines.contains(expected);
    return run;
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // fonts for the label's text, no display
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int frameCount = std::max(1, argument(args, u"--frames"_s, 20));
    const int repeat = std::max(1, argument(args, u"--repeat"_s, 5));
    const bool tsv = args.contains(u"--tsv"_s);
    QString zbarimg = stringArgument(args, u"--zbarimg"_s);
    if (zbarimg.isEmpty())
        zbarimg = QStandardPaths::findExecutable(u"zbarimg"_s);
    QTemporaryDir temporary;
    QString pngDir = stringArgument(args, u"--png-dir"_s);
    if (pngDir.isEmpty())
        pngDir = temporary.path();
    if (!QDir().mkpath(pngDir))
        qFatal("cannot write in %s", qPrintable(pngDir));
    QTextStream out(stdout);

    // The same frames on every run: the seed is fixed.
    QRandomGenerator random(20261129);
    QList<Kind> kinds = {tubeLabels(frameCount, random), insDataMatrices(frameCount, random),
                         activationQrCodes(frameCount, random)};
    for (Kind& kind : kinds) {
        if (!kind.zbarReads)
            continue;
        for (qsizetype i = 0; i < kind.frames.size(); ++i) {
            Frame& frame = kind.frames[i];
            frame.pngPath =
                QDir(pngDir).filePath(u"%1-%2.png"_s.arg(kind.key).arg(i, 3, 10, QLatin1Char('0')));
            if (!frame.image.save(frame.pngPath))
                qFatal("cannot write %s", qPrintable(frame.pngPath));
        }
    }
    const QString emptyPng = QDir(pngDir).filePath(u"empty-1x1.png"_s);
    QImage empty(1, 1, QImage::Format_Grayscale8);
    empty.fill(255);
    if (!empty.save(emptyPng))
        qFatal("cannot write %s", qPrintable(emptyPng));

    // Warm-up: ZXing's tables, the page cache.
    BarcodeDecoder::decode(kinds.first().frames.first().image);

    struct Result
    {
        Timings fast;
        Timings thorough;
        Timings fileThorough; // PNG loaded, then Thorough: what zbarimg does
        QMap<QString, int> thoroughBySymbology;
        QMap<QString, int> fastBySymbology;
        Timings zbar;
    };
    QList<Result> results;
    Timings zbarStart;
    const bool haveZbar = !zbarimg.isEmpty();
    if (haveZbar) {
        runZbar(zbarimg, emptyPng, {}); // warm-up
        for (int i = 0; i < frameCount * repeat; ++i) {
            const ZbarRun run = runZbar(zbarimg, emptyPng, {});
            zbarStart.add(run.ms, run.cpuMs);
        }
    }

    for (const Kind& kind : std::as_const(kinds)) {
        Result result;
        for (const Frame& frame : kind.frames) {
            for (int r = 0; r < repeat; ++r) {
                QElapsedTimer timer;
                timer.start();
                double cpu = threadCpuMs();
                const QList<DecodedBarcode> fast =
                    BarcodeDecoder::decode(frame.image, BarcodeDecoder::Effort::Fast);
                result.fast.add(ms(timer), threadCpuMs() - cpu);
                result.fast.successes += isRead(fast, kind, true);
                timer.restart();
                cpu = threadCpuMs();
                const QList<DecodedBarcode> thorough =
                    BarcodeDecoder::decode(frame.image, BarcodeDecoder::Effort::Thorough);
                result.thorough.add(ms(timer), threadCpuMs() - cpu);
                result.thorough.successes += isRead(thorough, kind, false);
                for (const QString& symbology : kind.symbologies) {
                    result.thoroughBySymbology[symbology] +=
                        symbologyRead(thorough, kind, symbology);
                    result.fastBySymbology[symbology] += symbologyRead(fast, kind, symbology);
                }
                if (frame.pngPath.isEmpty())
                    continue;
                timer.restart();
                cpu = threadCpuMs();
                const QList<DecodedBarcode> fromFile =
                    BarcodeDecoder::decode(QImage(frame.pngPath), BarcodeDecoder::Effort::Thorough);
                result.fileThorough.add(ms(timer), threadCpuMs() - cpu);
                // Only what zbar also reads: the first symbology.
                result.fileThorough.successes +=
                    symbologyRead(fromFile, kind, kind.symbologies.first());
                if (haveZbar) {
                    const ZbarRun run = runZbar(zbarimg, frame.pngPath, kind.text);
                    result.zbar.add(run.ms, run.cpuMs);
                    result.zbar.successes += run.read;
                }
            }
        }
        results.append(result);
    }

    if (tsv) {
        auto line = [&](const QString& name, double value) {
            out << name << u'\t' << QString::number(value, 'f', 2) << u'\n';
        };
        line(u"frames"_s, frameCount);
        line(u"repeat"_s, repeat);
        line(u"zbar.available"_s, haveZbar);
        line(u"zbar.start.median_ms"_s, zbarStart.median());
        line(u"zbar.start.cpu_median_ms"_s, zbarStart.cpuMedian());
        for (qsizetype k = 0; k < kinds.size(); ++k) {
            const Kind& kind = kinds.at(k);
            const Result& r = results.at(k);
            for (const auto& [effort, timings] :
                 {std::pair{u"fast"_s, &r.fast}, std::pair{u"thorough"_s, &r.thorough},
                  std::pair{u"file_thorough"_s, &r.fileThorough}, std::pair{u"zbar"_s, &r.zbar}}) {
                if (timings->calls == 0)
                    continue;
                const QString prefix = kind.key + u'.' + effort;
                line(prefix + u".median_ms"_s, timings->median());
                line(prefix + u".p95_ms"_s, timings->percentile(95));
                line(prefix + u".cpu_median_ms"_s, timings->cpuMedian());
                line(prefix + u".success_pct"_s, timings->successRate());
            }
            for (const QString& symbology : kind.symbologies) {
                line(kind.key + u".thorough."_s + symbology + u"_pct"_s,
                     100.0 * r.thoroughBySymbology.value(symbology) / r.thorough.calls);
                line(kind.key + u".fast."_s + symbology + u"_pct"_s,
                     100.0 * r.fastBySymbology.value(symbology) / r.fast.calls);
            }
        }
        return 0;
    }

    out << u"Decode benchmark: %1 frames of %2x%3 grey of each kind, each decoded %4 times\n"_s
               .arg(frameCount)
               .arg(FrameSize.width())
               .arg(FrameSize.height())
               .arg(repeat);
    out << u"PNG files: %1\n"_s.arg(pngDir);
    if (haveZbar)
        out << u"zbarimg start (1x1 PNG, process start included): median %1 ms (CPU %2 ms), "
               "p95 %3 ms\n"_s.arg(zbarStart.median(), 0, 'f', 1)
                   .arg(zbarStart.cpuMedian(), 0, 'f', 1)
                   .arg(zbarStart.percentile(95), 0, 'f', 1);
    else
        out << u"zbarimg not found: no baseline (Debian package zbar-tools)\n"_s;
    auto row = [&](const QString& what, const Timings& t, double subtract = 0,
                   double subtractCpu = 0) {
        out << u"  %1 median %2 ms (CPU %3 ms), p95 %4 ms, read %5 %\n"_s.arg(what, -34)
                   .arg(t.median() - subtract, 0, 'f', 1)
                   .arg(t.cpuMedian() - subtractCpu, 0, 'f', 1)
                   .arg(t.percentile(95) - subtract, 0, 'f', 1)
                   .arg(t.successRate(), 0, 'f', 0);
    };
    for (qsizetype k = 0; k < kinds.size(); ++k) {
        const Kind& kind = kinds.at(k);
        const Result& r = results.at(k);
        out << u"\n%1 (%2 characters):\n"_s.arg(kind.name).arg(kind.text.size());
        row(u"ZXing Fast (camera frame):"_s, r.fast);
        row(u"ZXing Thorough (still image):"_s, r.thorough);
        for (const QString& symbology : kind.symbologies)
            out << u"    %1 read: Thorough %2 %, Fast %3 %\n"_s.arg(symbology)
                       .arg(100.0 * r.thoroughBySymbology.value(symbology) / r.thorough.calls, 0,
                            'f', 0)
                       .arg(100.0 * r.fastBySymbology.value(symbology) / r.fast.calls, 0, 'f', 0);
        if (r.fileThorough.calls)
            row(u"ZXing PNG load + Thorough (%1):"_s.arg(kind.symbologies.first()), r.fileThorough);
        if (r.zbar.calls) {
            row(u"zbarimg, process (%1):"_s.arg(kind.symbologies.first()), r.zbar);
            row(u"zbarimg less its start:"_s, r.zbar, zbarStart.median(), zbarStart.cpuMedian());
        }
    }
    return 0;
}
