// The national code server's deliveries as they came: yyyyMMddHHmmss_stopcovid_qrcode_batch.tgz
// (gzip, tar, tar, <sequence><yyMMdd>.csv) with its .sha256, the CSV's ", " header and the
// links in code_pour_qr. They import in `sidepctl codes import` and `sidep-server codes
// import`; `sidep-server codes generate --out` writes them; hostile archives are refused with
// their reason and change nothing in either program.

#include "ActivationCodeCsv.h"
#include "ActivationCodeDelivery.h"
#include "ActivationCodes.h"
#include "Crypto.h"
#include "Gzip.h"
#include "RecordStore.h"
#include "ResultStore.h"
#include "SidepCtlRun.h"
#include "Store.h"
#include "StoreTestAccess.h"
#include "TarArchive.h"
#include "TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <cstring>
#include <zlib.h>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

const QString ArchiveName = u"20210825093000_stopcovid_qrcode_batch.tgz"_s;
const QString SumName = u"20210825093000_stopcovid_qrcode_batch.sha256"_s;
const QString CsvName = u"12210825.csv"_s;

QString iso(const QDateTime& dateTime)
{
    return dateTime.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"_s);
}

QStringList newCodes(int count)
{
    QStringList codes;
    for (int i = 0; i < count; ++i)
        codes.append(QUuid::createUuid().toString(QUuid::WithoutBraces)); // version 4
    return codes;
}

QString link(const QString& code)
{
    return u"https://app.stopcovid.gouv.fr?code=%1&type=1"_s.arg(code);
}

// A CSV as the national code server wrote it: the header with ", " (and, from one version
// of its code, a trailing space), every value quoted, the link for the QR code first.
QByteArray nationalCsv(const QStringList& codes, bool trailingSpace = true)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QByteArray csv = trailingSpace ? "code_pour_qr, code_brut, validite_debut, validite_fin \n"
                                   : "code_pour_qr, code_brut, validite_debut, validite_fin\n";
    for (const QString& code : codes) {
        csv += u"\"%1\",\"%2\",\"%3\",\"%4\"\n"_s
                   .arg(link(code), code, iso(now.addDays(-1)), iso(now.addDays(7)))
                   .toUtf8();
    }
    return csv;
}

// One member of a tar written here byte by byte, independently of TarArchive::write, so
// that hostile headers can be made: any type, name, link target or claimed size.
struct Entry
{
    QByteArray name;
    QByteArray data;
    char type = '0';
    QByteArray linkName = {};
    qint64 claimedSize = -1; // the size field, when it must lie
    bool badChecksum = false;
};

void putOctal(QByteArray* header, int offset, int width, qint64 value)
{
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    std::memcpy(header->data() + offset, digits.constData(), size_t(width - 1));
}

QByteArray tarOf(const QList<Entry>& entries, bool endBlocks = true)
{
    QByteArray tar;
    for (const Entry& entry : entries) {
        QByteArray header(512, '\0');
        std::memcpy(header.data(), entry.name.constData(),
                    size_t(std::min(100LL, entry.name.size())));
        putOctal(&header, 100, 8, 0644);
        putOctal(&header, 108, 8, 1000);
        putOctal(&header, 116, 8, 1000);
        putOctal(&header, 124, 12, entry.claimedSize >= 0 ? entry.claimedSize : entry.data.size());
        putOctal(&header, 136, 12, 1629883800);
        header[156] = entry.type;
        std::memcpy(header.data() + 157, entry.linkName.constData(),
                    size_t(std::min(100LL, entry.linkName.size())));
        std::memcpy(header.data() + 257,
                    "ustar\0"
                    "00",
                    8);
        std::memset(header.data() + 148, ' ', 8);
        int sum = 0;
        for (const char c : std::as_const(header))
            sum += quint8(c);
        putOctal(&header, 148, 7, sum);
        if (entry.badChecksum)
            header[136] = '7'; // the mtime changed after the checksum was made
        tar += header + entry.data;
        tar += QByteArray((512 - entry.data.size() % 512) % 512, '\0');
    }
    if (endBlocks)
        tar += QByteArray(1024, '\0');
    return tar;
}

// gzip(tar(inner.tar: tar(members))): the national delivery's nesting.
QByteArray nested(const QList<Entry>& inner)
{
    return Gzip::compress(tarOf({{"20210825093000_stopcovid_qrcode_batch.tar", tarOf(inner)}}));
}

QByteArray deliveryOf(const QByteArray& csv)
{
    return nested({{CsvName.toLatin1(), csv}});
}

// A gzip stream of a tar header announcing `megabytes` MiB of zeros, then those zeros, made
// in milliseconds whatever its size: one MiB of zeros deflated once and ended by a full flush
// (byte-aligned, no reference across it) is repeated, then comes the final block and the
// trailer (CRC-32 and length).
QByteArray zerosGzip(int megabytes)
{
    constexpr qsizetype MiB = 1 << 20;
    const QByteArray header =
        tarOf({{"20210825093000_stopcovid_qrcode_batch.tar", {}, '0', {}, qint64(megabytes) * MiB}},
              false);
    const QByteArray zeros(MiB, '\0');
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    auto deflated = [&](const QByteArray& in, int flush) {
        QByteArray out;
        char buffer[65536];
        stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.constData()));
        stream.avail_in = uInt(in.size());
        do {
            stream.next_out = reinterpret_cast<Bytef*>(buffer);
            stream.avail_out = sizeof buffer;
            deflate(&stream, flush);
            out.append(buffer, qsizetype(sizeof buffer - stream.avail_out));
        } while (stream.avail_out == 0);
        return out;
    };
    QByteArray gz("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
    gz += deflated(header, Z_FULL_FLUSH);
    const QByteArray chunk = deflated(zeros, Z_FULL_FLUSH);
    for (int i = 0; i < megabytes; ++i)
        gz += chunk;
    gz += deflated({}, Z_FINISH);
    deflateEnd(&stream);
    uLong crc = crc32(0, reinterpret_cast<const Bytef*>(header.constData()), uInt(header.size()));
    const uLong zerosCrc = crc32(0, reinterpret_cast<const Bytef*>(zeros.constData()), uInt(MiB));
    for (int i = 0; i < megabytes; ++i)
        crc = crc32_combine(crc, zerosCrc, MiB);
    const quint32 length = quint32(header.size() + qint64(megabytes) * MiB); // modulo 2^32
    for (const quint32 value : {quint32(crc), length}) {
        for (int byte = 0; byte < 4; ++byte)
            gz += char((value >> (8 * byte)) & 0xff);
    }
    return gz;
}

// 1 GiB of zeros in about 1 MiB of gzip.
const QByteArray& gzipBomb()
{
    static const QByteArray bomb = zerosGzip(1024);
    return bomb;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run runProcess(const QString& program, const QStringList& arguments, const QString& folder = {})
{
    QProcess process;
    if (!folder.isEmpty())
        process.setWorkingDirectory(folder);
    process.start(program, arguments);
    Run run;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestCodeDeliveries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void nationalCsvIsRead_data();
    void nationalCsvIsRead();
    void badLinkIsRefusedWithItsLine_data();
    void badLinkIsRefusedWithItsLine();
    void nationalFormWritesAndReadsBack();
    void gzipStopsAtItsLimit();

    void nationalDeliveryImportsAtTheWorkstation();
    void nationalDeliveryImportsAtTheServer();
    void archivesMadeByGnuTarImport_data();
    void archivesMadeByGnuTarImport();
    void bareCsvIsCheckedAgainstTheSha256Beside();
    void qrContentFromANationalDelivery();
    void generatedDeliveryHasTheNationalShape();
    void hostileDeliveryIsRefusedAndChangesNothing_data();
    void hostileDeliveryIsRefusedAndChangesNothing();

private:
    QString path(const QString& name) const { return QDir(m_fixture->folder()).filePath(name); }
    // The delivery and its .sha256 (national name, hex without newline) in the folder.
    QString writeDelivery(const QByteArray& archive, const QString& name = ArchiveName);
    Run sidepctl(const QStringList& arguments);
    Run server(const QStringList& arguments);
    int poolSize();
    int stockSize();
    QUuid validatedPositive(int index);

    std::unique_ptr<StoreFixture> m_fixture;
    QString m_serverDatabase;
    QTemporaryDir m_hostileStock;
};

void TestCodeDeliveries::init()
{
    m_fixture = std::make_unique<StoreFixture>();
    QVERIFY(m_fixture->isValid());
    m_serverDatabase = u"sqlite://"_s + path(u"server.sqlite"_s);
}

void TestCodeDeliveries::cleanup()
{
    m_fixture.reset();
}

QString TestCodeDeliveries::writeDelivery(const QByteArray& archive, const QString& name)
{
    const QString archivePath = path(name);
    if (!writeFile(archivePath, archive) ||
        !writeFile(path(ActivationCodeDelivery::sha256Name(name)), Crypto::sha256(archive).toHex()))
        qWarning("cannot write the delivery");
    return archivePath;
}

Run TestCodeDeliveries::sidepctl(const QStringList& arguments)
{
    const SidepCtlRun run = runSidepCtl(
        QStringList{u"--db"_s, m_fixture->path(), u"--user"_s, LabName, u"--password-stdin"_s} +
            arguments,
        Password.toUtf8() + '\n');
    return {run.code, run.out, run.err};
}

Run TestCodeDeliveries::server(const QStringList& arguments)
{
    return runProcess(qEnvironmentVariable("SIDEP_SERVER"),
                      arguments + QStringList{u"--database"_s, m_serverDatabase});
}

int TestCodeDeliveries::poolSize()
{
    auto lab = m_fixture->openAs(LabName);
    QString error;
    return lab ? ActivationCodes(*lab).status(3, &error).total : -1;
}

int TestCodeDeliveries::stockSize()
{
    // free valid now, free not yet valid, free expired: the codes no site holds yet.
    const Run run = server({u"codes"_s, u"status"_s});
    int total = 0;
    for (const QString& line : run.out.split(u'\n')) {
        if (line.startsWith(u"free "_s))
            total += line.section(u'\t', 1, 1).toInt();
    }
    return run.code == 0 ? total : -1;
}

QUuid TestCodeDeliveries::validatedPositive(int index)
{
    auto nurse = m_fixture->openAs(NurseName);
    SamplingRecord record = validRecord(index);
    record.specimen.collectedAt =
        QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate);
    QList<Problem> problems;
    QString error;
    if (!nurse || !nurse->records()->add(&record, {}, &problems, &error))
        qWarning("cannot add a record: %s", qPrintable(error));
    auto lab = m_fixture->openAs(LabName);
    ResultStore::Entry entry;
    entry.value = u"P"_s;
    ResultStore::Outcome outcome;
    if (!ResultStore(*lab).enter(record.id, entry, &outcome, &problems, &error) ||
        outcome != ResultStore::Outcome::Validated)
        qWarning("positive not validated: %s", qPrintable(error));
    return record.id;
}

void TestCodeDeliveries::nationalCsvIsRead_data()
{
    QTest::addColumn<QByteArray>("csv");
    const QStringList codes = newCodes(2);
    const QByteArray national = nationalCsv(codes);
    QTest::newRow("header with spaces and a trailing space") << national;
    QTest::newRow("header with spaces") << nationalCsv(codes, false);
    QByteArray compact = national;
    compact.replace("code_pour_qr, code_brut, validite_debut, validite_fin \n",
                    "code_pour_qr,code_brut,validite_debut,validite_fin\n");
    QTest::newRow("compact header") << compact;
    QTest::newRow("values not quoted") << QByteArray(national).replace("\"", "");
    QTest::newRow("Windows line ends") << QByteArray(national).replace("\n", "\r\n");
}

void TestCodeDeliveries::nationalCsvIsRead()
{
    QFETCH(QByteArray, csv);
    QList<ActivationCodeCsv::Code> codes;
    const QList<ActivationCodeCsv::Problem> problems = ActivationCodeCsv::read(csv, &codes);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).toString()));
    QCOMPARE(codes.size(), 2);
    for (const ActivationCodeCsv::Code& code : std::as_const(codes)) {
        // The link's code goes in the site's template; the code in clear is code_brut.
        QVERIFY(ActivationCodeCsv::isCode(code.rawCode));
        QCOMPARE(code.qrCode, code.rawCode);
        QVERIFY(csv.contains(link(code.rawCode).toUtf8()));
    }
}

void TestCodeDeliveries::badLinkIsRefusedWithItsLine_data()
{
    QTest::addColumn<QString>("qr");
    QTest::addColumn<QString>("rule");
    // CODE stands for the line's code_brut.
    QTest::newRow("the code of another line") << link(newCodes(1).first()) << u"link.code"_s;
    QTest::newRow("no code") << u"https://app.stopcovid.gouv.fr?code=&type=1"_s << u"link.code"_s;
    QTest::newRow("upper-case code")
        << u"https://app.stopcovid.gouv.fr?code=UPPER&type=1"_s << u"link.code"_s;
    QTest::newRow("no code item") << u"https://app.stopcovid.gouv.fr?type=1"_s << u"link.code"_s;
    QTest::newRow("another host") << u"https://app.stopcovid.example?code=CODE&type=1"_s
                                  << u"link.format"_s;
    QTest::newRow("plain http") << u"http://app.stopcovid.gouv.fr?code=CODE&type=1"_s
                                << u"link.format"_s;
    QTest::newRow("a path") << u"https://app.stopcovid.gouv.fr/x?code=CODE&type=1"_s
                            << u"link.format"_s;
    QTest::newRow("a port") << u"https://app.stopcovid.gouv.fr:8443?code=CODE&type=1"_s
                            << u"link.format"_s;
    QTest::newRow("a user") << u"https://me@app.stopcovid.gouv.fr?code=CODE&type=1"_s
                            << u"link.format"_s;
    QTest::newRow("type 2") << u"https://app.stopcovid.gouv.fr?code=CODE&type=2"_s
                            << u"link.format"_s;
    QTest::newRow("no type") << u"https://app.stopcovid.gouv.fr?code=CODE"_s << u"link.format"_s;
    QTest::newRow("an extra item")
        << u"https://app.stopcovid.gouv.fr?code=CODE&type=1&next=x"_s << u"link.format"_s;
    QTest::newRow("two codes") << u"https://app.stopcovid.gouv.fr?code=CODE&code=CODE&type=1"_s
                               << u"link.format"_s;
    QTest::newRow("a fragment") << u"https://app.stopcovid.gouv.fr?code=CODE&type=1#x"_s
                                << u"link.format"_s;
    QTest::newRow("a space") << u"https://app.stopcovid.gouv.fr?code=CODE& type=1"_s
                             << u"link.format"_s;
}

void TestCodeDeliveries::badLinkIsRefusedWithItsLine()
{
    QFETCH(QString, qr);
    QFETCH(QString, rule);
    const QStringList codes = newCodes(3);
    QByteArray csv = nationalCsv(codes);
    // Line 3 (the second code) gets the link under test.
    csv.replace(link(codes.at(1)).toUtf8(), QString(qr).replace(u"CODE"_s, codes.at(1)).toUtf8());
    QList<ActivationCodeCsv::Code> read;
    const QList<ActivationCodeCsv::Problem> problems = ActivationCodeCsv::read(csv, &read);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().line, 3);
    QCOMPARE(problems.first().column, u"code_pour_qr"_s);
    QCOMPARE(problems.first().rule, rule);
    QVERIFY2(!problems.first().toString().contains(codes.at(1)), "messages never repeat a code");

    // The same file in a delivery: refused at the workstation with the file, line and rule.
    const QString archive = writeDelivery(deliveryOf(csv));
    const Run run = sidepctl({u"codes"_s, u"import"_s, archive});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(u"12210825.csv, line 3, code_pour_qr: "_s) &&
                 run.err.contains(u"[%1]"_s.arg(rule)) && run.err.contains(ArchiveName),
             qPrintable(run.err));
    QCOMPARE(poolSize(), 0);
}

void TestCodeDeliveries::nationalFormWritesAndReadsBack()
{
    const QStringList uuids = newCodes(2);
    const QList<ActivationCodeCsv::Code> codes = {
        {0, uuids.at(0), uuids.at(0), u"2021-08-25T22:00:00.000Z"_s, u"2021-09-02T21:59:00.000Z"_s},
        {0, uuids.at(1), uuids.at(1), u"2021-08-25T22:00:00.000Z"_s, u"2021-09-02T21:59:00.000Z"_s},
        // A link cannot say a QR code that differs from the code: written bare.
        {0, u"ABC123DEF456"_s, u"XY12ZW"_s, u"2021-08-26T00:00:00.000Z"_s,
         u"2021-08-27T00:00:00.000Z"_s},
    };
    const QByteArray csv = ActivationCodeCsv::write(codes, ActivationCodeCsv::Form::National);
    const QList<QByteArray> lines = csv.split('\n');
    QCOMPARE(lines.first(), QByteArray("code_pour_qr, code_brut, validite_debut, validite_fin"));
    QCOMPARE(lines.at(1),
             (u"\"%1\",\"%2\",\"2021-08-25T22:00:00.000Z\",\"2021-09-02T21:59:00.000Z\""_s)
                 .arg(link(uuids.at(0)), uuids.at(0))
                 .toUtf8());
    QVERIFY(csv.endsWith('\n'));
    QList<ActivationCodeCsv::Code> read;
    const QList<ActivationCodeCsv::Problem> problems = ActivationCodeCsv::read(csv, &read);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).toString()));
    QCOMPARE(read.size(), codes.size());
    for (qsizetype i = 0; i < codes.size(); ++i) {
        QCOMPARE(read.at(i).qrCode, codes.at(i).qrCode);
        QCOMPARE(read.at(i).rawCode, codes.at(i).rawCode);
        QCOMPARE(read.at(i).validUntil, codes.at(i).validUntil);
    }
    // The compact form, what workstations get from GET /activation-codes, is unchanged.
    const QByteArray compact =
        "code_pour_qr,code_brut,validite_debut,validite_fin\n" + uuids.at(0).toUtf8() + ',';
    QVERIFY(ActivationCodeCsv::write(codes).startsWith(compact));
}

void TestCodeDeliveries::gzipStopsAtItsLimit()
{
    const QByteArray data = QByteArray(300000, 'a') + QByteArray(300000, 'b');
    const QByteArray gz = Gzip::compress(data);
    QVERIFY(gz.size() < 10000);
    QByteArray out;
    QCOMPARE(int(Gzip::inflate(gz, data.size(), &out)), int(Gzip::Status::Ok));
    QCOMPARE(out, data);
    QCOMPARE(int(Gzip::inflate(gz, data.size() - 1, &out)), int(Gzip::Status::TooLarge));
    QCOMPARE(out.size(), data.size() - 1);
    QCOMPARE(int(Gzip::inflate(gz.left(gz.size() / 2), data.size(), &out)),
             int(Gzip::Status::Truncated));
    QCOMPARE(int(Gzip::inflate(QByteArray(gz + "x"), data.size(), &out)),
             int(Gzip::Status::TrailingData));
    QByteArray badCrc = gz;
    badCrc[badCrc.size() - 8] = char(badCrc.at(badCrc.size() - 8) ^ 1);
    QCOMPARE(int(Gzip::inflate(badCrc, data.size(), &out)), int(Gzip::Status::Corrupt));
    QCOMPARE(int(Gzip::inflate(data.left(100), data.size(), &out)), int(Gzip::Status::NotGzip));

    // The bomb's construction gives a sound stream: its small sibling inflates whole.
    const QByteArray small = zerosGzip(3);
    QCOMPARE(int(Gzip::inflate(small, 4 << 20, &out)), int(Gzip::Status::Ok));
    QCOMPARE(out.size(), 512 + (3 << 20));
    QVERIFY(out.startsWith("20210825093000_stopcovid_qrcode_batch.tar"));

    // 1 GiB of zeros: inflation stops at the limit, having produced no more than it.
    QCOMPARE(int(Gzip::inflate(gzipBomb(), 1 << 20, &out)), int(Gzip::Status::TooLarge));
    QCOMPARE(out.size(), 1 << 20);
    QVERIFY2(gzipBomb().size() < 2 * 1024 * 1024,
             QByteArray::number(gzipBomb().size()).constData());
}

void TestCodeDeliveries::nationalDeliveryImportsAtTheWorkstation()
{
    const QStringList codes = newCodes(5);
    const QString archive = writeDelivery(deliveryOf(nationalCsv(codes)));
    Run run = sidepctl({u"codes"_s, u"import"_s, archive});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"5 code(s) imported."_s), qPrintable(run.out));
    QCOMPARE(poolSize(), 5);
    {
        auto lab = m_fixture->openAs(LabName);
        QSqlQuery& query = StoreTestAccess::database(*lab).query(
            u"SELECT qr_code, raw_code FROM activation_codes"_s);
        QVERIFY(query.exec());
        QSet<QString> stored;
        while (query.next()) {
            // The QR column holds the code for the site's template, never the link.
            QCOMPARE(query.value(0).toString(), query.value(1).toString());
            stored.insert(query.value(1).toString());
        }
        query.finish();
        QCOMPARE(stored, QSet<QString>(codes.cbegin(), codes.cend()));
    }
    // The same delivery again: all or nothing, each code already known.
    run = sidepctl({u"codes"_s, u"import"_s, archive});
    QCOMPARE(run.code, 1);
    QVERIFY2(
        run.err.contains(u"12210825.csv, line 2: this code is already in the pool [code.known]"_s),
        qPrintable(run.err));
    QCOMPARE(poolSize(), 5);

    // sha256sum's form beside it under <archive>.sha256 also does; --sha256 names it.
    const QByteArray other = deliveryOf(nationalCsv(newCodes(2)));
    const QString otherPath = path(u"other.tgz"_s);
    QVERIFY(writeFile(otherPath, other));
    QVERIFY(writeFile(otherPath + u".sha256"_s, Crypto::sha256(other).toHex() + "  other.tgz\n"));
    run = sidepctl({u"codes"_s, u"import"_s, otherPath});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(poolSize(), 7);
    const QByteArray third = deliveryOf(nationalCsv(newCodes(1)));
    QVERIFY(writeFile(path(u"third.tgz"_s), third));
    QVERIFY(writeFile(path(u"elsewhere.txt"_s), Crypto::sha256(third).toHex()));
    run = sidepctl({u"codes"_s, u"import"_s, path(u"third.tgz"_s)});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(u"[sha256.missing]"_s), qPrintable(run.err));
    run = sidepctl(
        {u"codes"_s, u"import"_s, path(u"third.tgz"_s), u"--sha256"_s, path(u"elsewhere.txt"_s)});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(poolSize(), 8);
}

void TestCodeDeliveries::nationalDeliveryImportsAtTheServer()
{
    const QStringList codes = newCodes(4);
    const QString archive = writeDelivery(deliveryOf(nationalCsv(codes)));
    Run run = server({u"codes"_s, u"import"_s, archive});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"4 code(s) imported"_s), qPrintable(run.out));
    QCOMPARE(stockSize(), 4);
    run = server({u"codes"_s, u"import"_s, archive});
    QCOMPARE(run.code, 1);
    QVERIFY2(
        run.err.contains(u"12210825.csv, line 5: this code is already in the stock [code.known]"_s),
        qPrintable(run.err));
    QCOMPARE(stockSize(), 4);
    // Without its .sha256, or with a wrong one: refused before the stock is opened.
    QFile::remove(path(SumName));
    run = server({u"codes"_s, u"import"_s, archive});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(u"[sha256.missing]"_s), qPrintable(run.err));
    const QByteArray fresh = deliveryOf(nationalCsv(newCodes(2)));
    QVERIFY(writeFile(path(u"fresh.tgz"_s), fresh));
    QVERIFY(writeFile(path(u"fresh.sha256"_s), Crypto::sha256(fresh).toHex()));
    run = server({u"codes"_s, u"import"_s, path(u"fresh.tgz"_s)});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(stockSize(), 6);
}

void TestCodeDeliveries::archivesMadeByGnuTarImport_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("nested");
    // GNU tar's own header, POSIX ustar, and pax (extended headers with times).
    QTest::newRow("gnu, tar in tar") << u"gnu"_s << true;
    QTest::newRow("ustar, tar in tar") << u"ustar"_s << true;
    QTest::newRow("pax, tar in tar") << u"posix"_s << true;
    // The national server's published code wrote the CSV straight into the gzipped tar.
    QTest::newRow("gnu, the CSV alone") << u"gnu"_s << false;
}

void TestCodeDeliveries::archivesMadeByGnuTarImport()
{
    QFETCH(QString, format);
    QFETCH(bool, nested);
    const QString work = path(u"work"_s);
    QVERIFY(QDir().mkpath(work));
    QVERIFY(writeFile(QDir(work).filePath(CsvName), nationalCsv(newCodes(3))));
    const QString archive = path(ArchiveName);
    const QString format_ = u"--format="_s + format;
    if (nested) {
        QCOMPARE(runProcess(u"tar"_s, {format_, u"-cf"_s, u"inner.tar"_s, CsvName}, work).code, 0);
        QCOMPARE(runProcess(u"tar"_s, {format_, u"-czf"_s, archive, u"inner.tar"_s}, work).code, 0);
    } else {
        QCOMPARE(runProcess(u"tar"_s, {format_, u"-czf"_s, archive, CsvName}, work).code, 0);
    }
    QVERIFY(writeFile(path(SumName), Crypto::sha256(readFile(archive)).toHex()));
    const Run run = sidepctl({u"codes"_s, u"import"_s, archive});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(poolSize(), 3);
}

void TestCodeDeliveries::bareCsvIsCheckedAgainstTheSha256Beside()
{
    const QByteArray csv = nationalCsv(newCodes(3));
    const QString csvPath = path(CsvName);
    QVERIFY(writeFile(csvPath, csv));
    // The national name of the checksum beside it, for another content: refused.
    QVERIFY(writeFile(path(u"12210825.sha256"_s), Crypto::sha256(QByteArray(csv + "x")).toHex()));
    Run run = sidepctl({u"codes"_s, u"import"_s, csvPath});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(u"12210825.sha256, sha256: "_s) &&
                 run.err.contains(u"[sha256.mismatch]"_s),
             qPrintable(run.err));
    run = server({u"codes"_s, u"import"_s, csvPath});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(u"[sha256.mismatch]"_s), qPrintable(run.err));
    QCOMPARE(poolSize(), 0);
    QCOMPARE(stockSize(), 0);
    // The right one: taken by both.
    QVERIFY(writeFile(path(u"12210825.sha256"_s), Crypto::sha256(csv).toHex()));
    run = sidepctl({u"codes"_s, u"import"_s, csvPath});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    run = server({u"codes"_s, u"import"_s, csvPath});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(poolSize(), 3);
    QCOMPARE(stockSize(), 3);
    // A bare CSV without any checksum is still taken, as before.
    const QString alone = path(u"alone.csv"_s);
    QVERIFY(writeFile(alone, nationalCsv(newCodes(2))));
    run = sidepctl({u"codes"_s, u"import"_s, alone});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(poolSize(), 5);
}

void TestCodeDeliveries::qrContentFromANationalDelivery()
{
    {
        auto admin = m_fixture->openAs(AdminName);
        QString error;
        QVERIFY(admin->setSetting(ResultStore::SecondCheckSetting, u"off"_s, &error));
    }
    const QStringList codes = newCodes(2);
    const Run run =
        sidepctl({u"codes"_s, u"import"_s, writeDelivery(deliveryOf(nationalCsv(codes)))});
    QVERIFY2(run.code == 0, qPrintable(run.err));

    // The default template: the later application form, with the code of the link.
    const QUuid first = validatedPositive(1);
    auto lab = m_fixture->openAs(LabName);
    ResultStore::Current current;
    QString error;
    QVERIFY(ResultStore(*lab).current(first, &current, &error));
    QVERIFY2(codes.contains(current.activation.code), qPrintable(current.activation.code));
    QCOMPARE(current.activation.link,
             u"https://bonjour.tousanticovid.gouv.fr/app/code/"_s + current.activation.code);

    // The 2020 template gives back exactly the link of the delivery.
    {
        auto admin = m_fixture->openAs(AdminName);
        QVERIFY(admin->setSetting(ActivationCodes::LinkTemplateSetting,
                                  u"https://app.stopcovid.gouv.fr?code={code}&type=1"_s, &error));
    }
    const QUuid second = validatedPositive(2);
    QVERIFY(ResultStore(*lab).current(second, &current, &error));
    QVERIFY(codes.contains(current.activation.code));
    QCOMPARE(current.activation.link, link(current.activation.code));
}

void TestCodeDeliveries::generatedDeliveryHasTheNationalShape()
{
    const QString out = path(u"out"_s);
    QVERIFY(QDir().mkpath(out));
    Run run = server({u"codes"_s, u"generate"_s, u"--count"_s, u"7"_s, u"--out"_s, out});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"7 code(s) written to "_s), qPrintable(run.out));
    QCOMPARE(stockSize(), 0); // a delivery, not the stock

    const QStringList files = QDir(out).entryList(QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 2);
    static const QRegularExpression name(u"^(\\d{14})_stopcovid_qrcode_batch\\.(sha256|tgz)$"_s);
    const QRegularExpressionMatch sumName = name.match(files.at(0));
    const QRegularExpressionMatch archiveName = name.match(files.at(1));
    QVERIFY2(sumName.hasMatch() && archiveName.hasMatch(), qPrintable(files.join(u' ')));
    QCOMPARE(sumName.captured(2), u"sha256"_s);
    QCOMPARE(sumName.captured(1), archiveName.captured(1));
    const QString archive = QDir(out).filePath(files.at(1));
    const QByteArray sum = readFile(QDir(out).filePath(files.at(0)));
    QCOMPARE(sum, Crypto::sha256(readFile(archive)).toHex()); // 64 digits, no newline

    // Opened by GNU tar: a tar in the gzip, the CSV in that tar.
    const QString outer = path(u"outer"_s);
    const QString inner = path(u"inner"_s);
    QVERIFY(QDir().mkpath(outer) && QDir().mkpath(inner));
    QCOMPARE(runProcess(u"tar"_s, {u"-xzf"_s, archive, u"-C"_s, outer}).code, 0);
    const QStringList tars = QDir(outer).entryList(QDir::Files);
    QCOMPARE(tars.size(), 1);
    QVERIFY(tars.first().endsWith(u".tar"_s));
    QCOMPARE(
        runProcess(u"tar"_s, {u"-xf"_s, QDir(outer).filePath(tars.first()), u"-C"_s, inner}).code,
        0);
    const QStringList csvs = QDir(inner).entryList(QDir::Files);
    QCOMPARE(csvs.size(), 1);
    QVERIFY2(QRegularExpression(u"^\\d+\\d{6}\\.csv$"_s).match(csvs.first()).hasMatch(),
             qPrintable(csvs.first()));
    QVERIFY(ActivationCodeDelivery::isCsvName(csvs.first()));
    const QList<QByteArray> lines = readFile(QDir(inner).filePath(csvs.first())).split('\n');
    QCOMPARE(lines.size(), 1 + 7 + 1); // the header, the codes, and the last line's end
    QCOMPARE(lines.first(), QByteArray("code_pour_qr, code_brut, validite_debut, validite_fin"));
    static const QRegularExpression line(
        u"^\"https://app\\.stopcovid\\.gouv\\.fr\\?code=([0-9a-f-]{36})&type=1\",\"\\1\","
        "\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\",\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:"
        "\\d\\d:"
        "\\d\\d\\.\\d{3}Z\"$"_s);
    for (int i = 1; i <= 7; ++i)
        QVERIFY2(line.match(QString::fromUtf8(lines.at(i))).hasMatch(), lines.at(i).constData());
    QVERIFY(lines.last().isEmpty());

    // It imports in both programs.
    run = server({u"codes"_s, u"import"_s, archive});
    QVERIFY2(run.code == 0 && run.out.contains(u"7 code(s) imported"_s), qPrintable(run.err));
    QCOMPARE(stockSize(), 7);
    run = sidepctl({u"codes"_s, u"import"_s, archive});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(poolSize(), 7);
    // No folder: said, nothing written.
    run = server({u"codes"_s, u"generate"_s, u"--count"_s, u"1"_s, u"--out"_s, path(u"none"_s)});
    QCOMPARE(run.code, 1);
}

void TestCodeDeliveries::hostileDeliveryIsRefusedAndChangesNothing_data()
{
    QTest::addColumn<QByteArray>("archive");
    QTest::addColumn<QString>("sha256"); // right, wrong, garbage, none
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("said"); // a part of the message

    const QByteArray csv = nationalCsv(newCodes(3));
    const QByteArray csvName = CsvName.toLatin1();
    const QByteArray good = deliveryOf(csv);
    const QByteArray innerName = "20210825093000_stopcovid_qrcode_batch.tar";

    QTest::newRow("path traversal") << Gzip::compress(tarOf({{"../" + csvName, csv}})) << u"right"_s
                                    << u"tar.path"_s << u"\"../12210825.csv\" has a \"..\""_s;
    QTest::newRow("path traversal in the inner tar")
        << nested({{"codes/../../" + csvName, csv}}) << u"right"_s << u"tar.path"_s
        << u"in the inner tar"_s;
    QTest::newRow("absolute path")
        << nested({{"/tmp/" + csvName, csv}}) << u"right"_s << u"tar.path"_s << u"absolute path"_s;
    QTest::newRow("symbolic link") << nested({{csvName, {}, '2', "/etc/passwd"}}) << u"right"_s
                                   << u"tar.link"_s << u"symbolic link to \"/etc/passwd\""_s;
    QTest::newRow("hard link") << Gzip::compress(tarOf({{innerName, {}, '1', "/etc/shadow"}}))
                               << u"right"_s << u"tar.link"_s << u"hard link"_s;
    QTest::newRow("device") << nested({{csvName, {}, '3'}}) << u"right"_s << u"tar.type"_s
                            << u"not a plain file"_s;
    QTest::newRow("directory with a payload")
        << nested({{"codes/", csv, '5'}, {csvName, csv}}) << u"right"_s << u"tar.directory"_s
        << u"\"codes/\" carries"_s;
    QTest::newRow("two CSVs") << nested({{csvName, csv}, {"22210825.csv", csv}}) << u"right"_s
                              << u"archive.csv"_s << u"2 CSV files (12210825.csv, 22210825.csv)"_s;
    QTest::newRow("no CSV") << nested({{"codes/", {}, '5'}}) << u"right"_s << u"archive.csv"_s
                            << u"holds no CSV"_s;
    QTest::newRow("another member") << nested({{csvName, csv}, {"readme.txt", "hello"}})
                                    << u"right"_s << u"archive.member"_s << u"\"readme.txt\""_s;
    QTest::newRow("a CSV not named like the national ones")
        << nested({{"codes.csv", csv}}) << u"right"_s << u"archive.member"_s << u"codes.csv"_s;
    QTest::newRow("a tar in the inner tar")
        << nested({{"deeper.tar", tarOf({{csvName, csv}})}}) << u"right"_s << u"archive.member"_s
        << u"one level only"_s;
    QTest::newRow("wrong hash") << good << u"wrong"_s << u"sha256.mismatch"_s << u".sha256"_s;
    QTest::newRow("hash file not a hash")
        << good << u"garbage"_s << u"sha256.format"_s << u".sha256"_s;
    QTest::newRow("no .sha256") << good << u"none"_s << u"sha256.missing"_s
                                << u"20210825093000_stopcovid_qrcode_batch.sha256"_s;
    QTest::newRow("gzip bomb") << gzipBomb() << u"right"_s << u"archive.size"_s
                               << u"more than 65 MiB"_s;
    QTest::newRow("truncated gzip")
        << good.left(good.size() / 2) << u"right"_s << u"archive.truncated"_s << u"cut short"_s;
    QByteArray badCrc = good;
    badCrc[badCrc.size() - 6] = char(badCrc.at(badCrc.size() - 6) ^ 0x40);
    QTest::newRow("gzip check value wrong")
        << badCrc << u"right"_s << u"archive.corrupt"_s << u"damaged"_s;
    QTest::newRow("data after the gzip stream")
        << good + "more" << u"right"_s << u"archive.trailing"_s << u"gzip"_s;
    QTest::newRow("not gzip") << tarOf({{csvName, csv}}) << u"right"_s << u"archive.format"_s
                              << u"not a gzip file"_s;
    QTest::newRow("bad header checksum")
        << Gzip::compress(tarOf({{innerName, tarOf({{csvName, csv}}), '0', {}, -1, true}}))
        << u"right"_s << u"tar.checksum"_s << u"wrong checksum"_s;
    QTest::newRow("bad header checksum in the inner tar")
        << nested({{csvName, csv, '0', {}, -1, true}}) << u"right"_s << u"tar.checksum"_s
        << u"in the inner tar"_s;
    QTest::newRow("size larger than the data")
        << Gzip::compress(tarOf({{innerName, tarOf({{csvName, csv}}), '0', {}, 1 << 20}}, false))
        << u"right"_s << u"tar.truncated"_s << u"says it holds 1048576 bytes"_s;
    QTest::newRow("no end of archive")
        << Gzip::compress(tarOf({{innerName, tarOf({{csvName, csv}})}}, false)) << u"right"_s
        << u"tar.truncated"_s << u"end-of-archive"_s;
    QTest::newRow("data after the end of the tar")
        << Gzip::compress(QByteArray(tarOf({{innerName, tarOf({{csvName, csv}})}}) + "hidden"))
        << u"right"_s << u"tar.trailing"_s << u"after its end"_s;
    QTest::newRow("pax header setting the path")
        << Gzip::compress(tarOf({{"PaxHeaders/x", "27 path=../../12210825.csv\n", 'x'},
                                 {innerName, tarOf({{csvName, csv}})}}))
        << u"right"_s << u"tar.extension"_s << u"\"path\""_s;
}

void TestCodeDeliveries::hostileDeliveryIsRefusedAndChangesNothing()
{
    QFETCH(QByteArray, archive);
    QFETCH(QString, sha256);
    QFETCH(QString, rule);
    QFETCH(QString, said);

    // Both programs already hold a batch: the refused one must leave them as they are. The
    // server's stock is one for all the rows (filled once, checked after each), which spares
    // two server runs a row.
    const QString before = path(u"before.csv"_s);
    QVERIFY(writeFile(before, nationalCsv(newCodes(3))));
    QCOMPARE(sidepctl({u"codes"_s, u"import"_s, before}).code, 0);
    QCOMPARE(poolSize(), 3);
    m_serverDatabase = u"sqlite://"_s + m_hostileStock.filePath(u"server.sqlite"_s);
    if (!QFile::exists(m_hostileStock.filePath(u"server.sqlite"_s))) {
        QCOMPARE(server({u"codes"_s, u"import"_s, before}).code, 0);
        QCOMPARE(stockSize(), 3); // then checked after each row
    }

    const QString archivePath = path(ArchiveName);
    QVERIFY(writeFile(archivePath, archive));
    if (sha256 == u"right"_s)
        QVERIFY(writeFile(path(SumName), Crypto::sha256(archive).toHex()));
    else if (sha256 == u"wrong"_s)
        QVERIFY(writeFile(path(SumName), Crypto::sha256(QByteArray(archive + "x")).toHex()));
    else if (sha256 == u"garbage"_s)
        QVERIFY(writeFile(path(SumName), "not a checksum"));

    QElapsedTimer clock;
    clock.start();
    const Run workstation = sidepctl({u"codes"_s, u"import"_s, archivePath});
    QCOMPARE(workstation.code, 1);
    QVERIFY2(workstation.err.contains(u"[%1]"_s.arg(rule)) && workstation.err.contains(said) &&
                 workstation.err.contains(u"nothing imported from "_s + archivePath),
             qPrintable(workstation.err));
    const Run national = server({u"codes"_s, u"import"_s, archivePath});
    QCOMPARE(national.code, 1);
    QVERIFY2(national.err.contains(u"[%1]"_s.arg(rule)) && national.err.contains(said),
             qPrintable(national.err));
    // Only against a hang (the gzip bomb stops at 65 MiB), far above a sanitizer run.
    QVERIFY(clock.elapsed() < 100000);

    QCOMPARE(poolSize(), 3);
    QCOMPARE(stockSize(), 3);
}

QTEST_GUILESS_MAIN(TestCodeDeliveries)
#include "TestCodeDeliveries.moc"
