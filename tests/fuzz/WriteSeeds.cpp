// Writes the seed corpora of the fuzz targets (tests/fuzz/corpus/<target>/) from the
// fixtures the tests use: valid inputs of every kind, and a few broken ones. The seeds are
// kept in the repository; run this again after a format changes:
//   fuzz_seed_writer tests/fuzz/corpus

#include "ActivationCodeCsv.h"
#include "ActivationCodeDelivery.h"
#include "Crypto.h"
#include "FhirBundle.h"
#include "FhirSamples.h"
#include "FuzzSyncStore.h"
#include "Gzip.h"
#include "InsDataMatrix.h"
#include "Store.h"
#include "SyncEngine.h"
#include "TarArchive.h"
#include "TestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

QDir output;

void write(const QString& target, const QString& name, const QByteArray& bytes)
{
    output.mkpath(target);
    QFile file(output.filePath(target + u'/' + name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(file.fileName()));
}

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// ---- INS DataMatrix ----

const QChar GS(0x1D);

void insSeeds()
{
    const QString nir = u"185057512345673"_s;
    const QString oid = u"1.2.250.1.213.1.4.8"_s;
    const InsIdentity example{nir,       oid, u"ADA"_s, u"LOVELACE"_s, u"F"_s, QDate(1815, 12, 10),
                              u"99100"_s};
    auto seed = [](const QString& name, const QString& text) {
        write(u"ins_datamatrix"_s, name, text.toUtf8());
    };
    seed(u"valid-example"_s, InsDataMatrix::toPayload(example));
    InsIdentity compound{TestSupport::nirWithKey(u"1680364123456"_s),
                         oid,
                         u"JEAN-PIERRE MARIE"_s,
                         u"D'ARTAGNAN DE BATZ"_s,
                         u"M"_s,
                         QDate(1968, 3, 1),
                         u"64123"_s};
    seed(u"valid-compound-names"_s, InsDataMatrix::toPayload(compound));
    InsIdentity corsica = example;
    corsica.matricule = TestSupport::nirWithKey(u"290012A004123"_s);
    corsica.birthPlace = u"2A004"_s;
    seed(u"valid-corsica"_s, InsDataMatrix::toPayload(corsica));
    InsIdentity nia = example;
    nia.matricule = TestSupport::nirWithKey(u"8900199123456"_s);
    nia.oid = u"1.2.250.1.213.1.4.9"_s;
    seed(u"valid-nia"_s, InsDataMatrix::toPayload(nia));
    InsIdentity test = example;
    test.oid = u"1.2.250.1.213.1.4.10"_s; // 20 characters: no GS after it
    seed(u"valid-20-character-oid"_s, InsDataMatrix::toPayload(test));
    InsIdentity accented = example;
    accented.familyName = u"LÉGER"_s;
    accented.birthPlace.clear(); // S7 is optional
    seed(u"valid-accented-no-birth-place"_s, InsDataMatrix::toPayload(accented));

    const QString text = InsDataMatrix::toPayload(example);
    seed(u"invalid-tube-label"_s, u"CHU75-2020-000123"_s);
    seed(u"invalid-header-only"_s, text.left(26));
    seed(u"invalid-nir-key"_s, QString(text).replace(nir, u"185057512345674"_s));
    seed(u"invalid-missing-gs"_s, QString(text).remove(GS));
    seed(u"invalid-lower-case"_s, QString(text).replace(u"LOVELACE"_s, u"Lovelace"_s));
    seed(u"invalid-date"_s, QString(text).replace(u"10-12-1815"_s, u"31-02-1815"_s));
    seed(u"invalid-trailing"_s, text + u"S8X"_s);
}

// ---- activation-code CSV: a mode byte (0 no .sha256, 1 the right one, 2 the first line) ----

void csvSeeds()
{
    const QByteArray header = "code_pour_qr,code_brut,validite_debut,validite_fin\n";
    auto line = [](const char* qr, const char* raw, const char* from = "2021-08-31T22:00:00.000Z",
                   const char* until = "2021-09-08T22:00:00.000Z") -> QByteArray {
        return QByteArray(qr) + ',' + raw + ',' + from + ',' + until + '\n';
    };
    auto seed = [](const QString& name, char mode, const QByteArray& csv) {
        write(u"activation_csv"_s, name, QByteArray(1, mode) + csv);
    };
    const QByteArray valid = header + line("0f8fad5b-d9cb-469f-a165-70867728950e", "C00001") +
                             line("7c9e6679-7425-40de-944b-e07fc1f90ae7", "C00002") +
                             line("1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b", "C00003");
    seed(u"valid-uuid-codes"_s, 0, valid);
    seed(u"valid-short-codes-checksum"_s, 1,
         header + line("A1B2C3", "A1B2C3") + line("D4E5F6G7H8J9", "D4E5F6G7H8J9"));
    const QByteArray withBom = "\xEF\xBB\xBF" + QByteArray(header).replace("\n", "\r\n") +
                               line("\"K1L2M3\"", "\"K1L2M3\"").replace("\n", "\r\n");
    seed(u"valid-bom-crlf-quoted"_s, 0, withBom);
    const QByteArray forSum = header + line("N4P5Q6", "N4P5Q6");
    seed(u"valid-sha256-companion"_s, 2, Crypto::sha256(forSum).toHex() + "  codes.csv\n" + forSum);
    seed(u"invalid-sha256-mismatch"_s, 2, QByteArray(64, 'a') + "  codes.csv\n" + forSum);
    seed(u"invalid-sha256-format"_s, 2, "not a checksum\n" + forSum);
    seed(u"invalid-header-only"_s, 0, header);
    seed(u"invalid-header"_s, 0,
         "code,code_brut,validite_debut,validite_fin\n" + line("R7S8T9", "R7S8T9"));
    seed(u"invalid-dates-order"_s, 0,
         header + line("U1V2W3", "U1V2W3", "2021-09-08T22:00:00.000Z", "2021-08-31T22:00:00Z"));
    seed(u"invalid-duplicate"_s, 0, header + line("X4Y5Z6", "X4Y5Z6") + line("X4Y5Z6", "X4Y5Z7"));
    seed(u"invalid-columns"_s, 0, header + "A9B8C7,A9B8C7,2021-08-31T22:00:00.000Z\n");
    seed(u"invalid-code-format"_s, 0,
         header + line("0F8FAD5B-D9CB-469F-A165-70867728950E", "lower1"));
    seed(u"invalid-empty"_s, 0, {});
}

// ---- national deliveries: a mode byte (0 the archive, 1 a tar gzipped by the target) ----

// The header of the first member of `tar` given another type (and its checksum made again).
QByteArray retyped(QByteArray tar, char type, const QByteArray& linkName = {})
{
    tar[156] = type;
    tar.replace(157, linkName.size(), linkName);
    tar.replace(148, 8, "        ");
    int sum = 0;
    for (int i = 0; i < 512; ++i)
        sum += quint8(tar.at(i));
    tar.replace(148, 7, QByteArray(QByteArray::number(sum, 8).rightJustified(6, '0') + '\0'));
    return tar;
}

void deliverySeeds()
{
    auto seed = [](const QString& name, char mode, const QByteArray& bytes) {
        write(u"code_delivery"_s, name, QByteArray(1, mode) + bytes);
    };
    const QDateTime at(QDate(2021, 8, 25), QTime(9, 30), Qt::UTC);
    const QList<ActivationCodeCsv::Code> codes = {
        {0, u"0f8fad5b-d9cb-469f-a165-70867728950e"_s, u"0f8fad5b-d9cb-469f-a165-70867728950e"_s,
         u"2021-08-25T22:00:00.000Z"_s, u"2021-09-02T21:59:00.000Z"_s},
        {0, u"7c9e6679-7425-40de-944b-e07fc1f90ae7"_s, u"7c9e6679-7425-40de-944b-e07fc1f90ae7"_s,
         u"2021-08-25T22:00:00.000Z"_s, u"2021-09-02T21:59:00.000Z"_s}};
    const QByteArray csv = ActivationCodeCsv::write(codes, ActivationCodeCsv::Form::National);
    const QString csvName = u"21210825.csv"_s;
    const QByteArray inner = TarArchive::write({{csvName, csv}}, at);
    const QString innerName = u"20210825093000_stopcovid_qrcode_batch.tar"_s;
    const QByteArray outer = TarArchive::write({{innerName, inner}}, at);
    const QByteArray archive = ActivationCodeDelivery::pack(csvName, csv, at);

    seed(u"valid-national"_s, 0, archive);
    seed(u"valid-nested-tar"_s, 1, outer);
    seed(u"valid-csv-alone"_s, 1, inner);
    seed(u"valid-in-a-folder"_s, 1, TarArchive::write({{u"codes/"_s + csvName, csv}}, at));
    seed(u"invalid-truncated-gzip"_s, 0, archive.left(archive.size() / 2));
    seed(u"invalid-not-gzip"_s, 0, outer);
    seed(u"invalid-traversal"_s, 1, TarArchive::write({{u"../"_s + csvName, csv}}, at));
    seed(u"invalid-absolute"_s, 1, TarArchive::write({{u"/tmp/"_s + csvName, csv}}, at));
    seed(u"invalid-symlink"_s, 1,
         retyped(TarArchive::write({{csvName, {}}}, at), '2', "/etc/passwd"));
    seed(u"invalid-hard-link"_s, 1, retyped(TarArchive::write({{innerName, {}}}, at), '1', "x"));
    seed(u"invalid-directory-payload"_s, 1,
         retyped(TarArchive::write({{u"codes/"_s, csv}}, at), '5'));
    seed(u"invalid-two-csvs"_s, 1,
         TarArchive::write({{csvName, csv}, {u"22210825.csv"_s, csv}}, at));
    seed(u"invalid-other-member"_s, 1, TarArchive::write({{u"readme.txt"_s, "hello"}}, at));
    QByteArray badChecksum = outer;
    badChecksum[140] = char(badChecksum.at(140) ^ 1);
    seed(u"invalid-header-checksum"_s, 1, badChecksum);
    seed(u"invalid-size-beyond-data"_s, 1, outer.left(1024));
    seed(u"invalid-pax-path"_s, 1,
         retyped(TarArchive::write({{u"PaxHeaders/x"_s, "27 path=../../21210825.csv\n"}}, at),
                 'x')
                 .left(1024) + // the header and its record, without the end blocks
             outer);
}

// ---- records as JSON (dates before the fuzzer's fixed "now", 2021-09-01T12:00Z) ----

QJsonObject pastDates(QJsonObject record)
{
    QJsonObject specimen = record.value(u"specimen"_s).toObject();
    specimen.insert(u"collectedAt"_s, u"2021-08-31T09:30:00+02:00"_s);
    record.insert(u"specimen"_s, specimen);
    if (record.contains(u"result"_s)) {
        QJsonObject result = record.value(u"result"_s).toObject();
        result.insert(u"validatedAt"_s, u"2021-08-31T10:00:00+02:00"_s);
        record.insert(u"result"_s, result);
    }
    return record;
}

void recordSeeds()
{
    auto seed = [](const QString& name, const QByteArray& bytes) {
        write(u"record_json"_s, name, bytes);
    };
    for (int i : {0, 1})
        seed(u"valid-fixture-%1"_s.arg(i), json(pastDates(TestSupport::validRecordJson(i))));
    for (int i : {1, 3, 6})
        seed(u"valid-sample-%1"_s.arg(i), json(pastDates(FhirSamples::sample(i).record.toJson())));
    seed(u"valid-array"_s, QJsonDocument(QJsonArray{pastDates(TestSupport::validRecordJson(2)),
                                                    pastDates(TestSupport::validRecordJson(3))})
                               .toJson(QJsonDocument::Compact));

    QJsonObject record = pastDates(TestSupport::validRecordJson(4));
    QJsonObject patient = record.value(u"patient"_s).toObject();
    patient.insert(u"ins"_s, u"295109912600193"_s);
    patient.insert(u"sex"_s, 1);
    QJsonObject broken = record;
    broken.insert(u"patient"_s, patient);
    broken.insert(u"unknownKey"_s, true);
    seed(u"invalid-types-and-key"_s, json(broken));
    QJsonObject pathReport = record;
    pathReport.insert(u"result"_s,
                      QJsonObject{{u"value"_s, u"P"_s}, {u"reportPdf"_s, u"no-such-report.pdf"_s}});
    seed(u"invalid-report-path"_s, json(pathReport));
    seed(u"invalid-empty-object"_s, "{}");
    seed(u"invalid-array-of-numbers"_s, "[1, 2]");
    seed(u"invalid-not-json"_s, "{\"patient\": ");
}

// ---- Bundles as the server receives them ----

void bundleSeeds()
{
    auto seed = [](const QString& name, const QByteArray& bytes) {
        write(u"bundle_intake"_s, name, bytes);
    };
    QList<QJsonObject> bundles;
    for (int i : {0, 1, 2, 3, 4, 5, 14}) {
        const FhirSamples::Sample sample = FhirSamples::sample(i);
        bundles.append(FhirBundle::fromRecord(sample.record, sample.siteFiness, sample.options));
        seed(u"valid-sample-%1"_s.arg(i), json(bundles.last()));
    }
    seed(u"valid-batch"_s,
         json(QJsonObject{{u"bundles"_s, QJsonArray{bundles.at(1), bundles.at(2), 7}}}));
    seed(u"other-site"_s,
         json(FhirBundle::fromRecord(FhirSamples::sample(5).record, u"920000650"_s, {})));

    QJsonObject noEntries = bundles.first();
    noEntries.remove(u"entry"_s);
    seed(u"invalid-no-entries"_s, json(noEntries));
    QJsonObject wrongType = bundles.first();
    wrongType.insert(u"type"_s, u"collection"_s);
    wrongType.insert(u"meta"_s, QJsonObject{{u"versionId"_s, 1}});
    seed(u"invalid-type-and-version"_s, json(wrongType));
    seed(u"invalid-bundles-not-array"_s, R"({"bundles": "all of them"})");
    seed(u"invalid-patient"_s, R"({"resourceType": "Patient"})");
}

// ---- the server's HTTP answers: 'B' the batch, 'T' GET /time, 'C' GET /activation-codes ----

QByteArray http(const QByteArray& status, const QByteArray& body,
                const QByteArray& extraHeaders = {})
{
    return "HTTP/1.1 " + status + "\r\nContent-Type: application/fhir+json\r\n" + extraHeaders +
           "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" +
           body;
}

// Captures the batch the engine posts, to name its Bundles in the answers.
class CapturingTransport : public SyncTransport
{
public:
    QJsonArray bundles;
    void postBundles(const QJsonArray& posted, std::function<void(const Reply&)>) override
    {
        bundles = posted;
    }
};

void syncSeeds()
{
    TestSupport::StoreFixture fixture;
    if (!fixture.isValid() || !FuzzSyncStore::addSampledRecords(fixture))
        qFatal("cannot fill the sync store");
    auto lab = fixture.openAs(TestSupport::LabName);
    CapturingTransport transport;
    SyncEngine engine(*lab, &transport);
    if (!engine.sendNextBatch() || transport.bundles.size() != 2)
        qFatal("cannot capture the batch");
    QList<QJsonObject> results;
    for (const QJsonValue& bundle : std::as_const(transport.bundles)) {
        QUuid record;
        int version = 0;
        FhirBundle::recordVersion(bundle.toObject(), &record, &version);
        results.append({
            {u"bundleId"_s, QString(u"urn:uuid:"_s + record.toString(QUuid::WithoutBraces))},
            {u"version"_s, version},
        });
    }
    auto answer = [&](const QString& first, const QString& second) {
        QJsonObject a = results.at(0);
        a.insert(u"outcome"_s, first);
        a.insert(u"status"_s, first == u"accepted"_s ? 201 : 200);
        QJsonObject b = results.at(1);
        b.insert(u"outcome"_s, second);
        if (second == u"rejected"_s) {
            b.insert(u"status"_s, 422);
            b.insert(u"operationOutcome"_s,
                     QJsonObject{{u"resourceType"_s, u"OperationOutcome"_s},
                                 {u"issue"_s, QJsonArray{QJsonObject{
                                                  {u"severity"_s, u"error"_s},
                                                  {u"code"_s, u"business-rule"_s},
                                                  {u"diagnostics"_s, u"patient.ins: nir.key"_s},
                                              }}}});
        }
        return json(QJsonObject{{u"results"_s, QJsonArray{a, b}}});
    };
    auto seed = [](const QString& name, char request, const QByteArray& response) {
        write(u"sync_reply"_s, name, request + response);
    };
    seed(u"batch-accepted"_s, 'B', http("200 OK", answer(u"accepted"_s, u"accepted"_s)));
    seed(u"batch-already-had"_s, 'B', http("200 OK", answer(u"accepted"_s, u"already had"_s)));
    seed(u"batch-rejected"_s, 'B', http("200 OK", answer(u"failed"_s, u"rejected"_s)));
    seed(u"batch-one-result"_s, 'B',
         http("200 OK", json(QJsonObject{{u"results"_s, QJsonArray{results.at(0)}}})));
    seed(u"batch-wrong-types"_s, 'B',
         http("200 OK", R"({"results": [{"bundleId": 7, "version": "1", "outcome": []}]})"));
    seed(u"batch-not-json"_s, 'B', http("200 OK", "<html>proxy error</html>"));
    seed(u"batch-throttled"_s, 'B', http("429 Too Many Requests", "{}", "Retry-After: 120\r\n"));
    seed(u"batch-server-error"_s, 'B', http("500 Internal Server Error", "oops"));
    seed(u"batch-unavailable"_s, 'B', http("503 Service Unavailable", {}, "Retry-After: -5\r\n"));
    const QByteArray body = answer(u"accepted"_s, u"accepted"_s);
    seed(u"batch-chunked"_s, 'B',
         "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" +
             QByteArray::number(body.size(), 16) + "\r\n" + body + "\r\n0\r\n\r\n");
    seed(u"batch-not-http"_s, 'B', "SSH-2.0-OpenSSH\r\n");
    auto codes = [](int count, bool exhausted, const QByteArray& csv, const QByteArray& sum) {
        return json(QJsonObject{{u"count"_s, count},
                                {u"exhausted"_s, exhausted},
                                {u"fileName"_s, u"codes-0001.csv"_s},
                                {u"csv"_s, QString::fromUtf8(csv)},
                                {u"sha256"_s, QString::fromUtf8(sum)}});
    };
    const QByteArray csv = "code_pour_qr,code_brut,validite_debut,validite_fin\n"
                           "3f2504e0-4f89-41d3-9a0c-0305e82c3301,S00001,"
                           "2021-08-31T22:00:00.000Z,2021-09-08T22:00:00.000Z\n"
                           "6fa459ea-ee8a-4ca4-894e-db77e160355e,S00002,"
                           "2021-08-31T22:00:00.000Z,2021-09-08T22:00:00.000Z\n"
                           "16fd2706-8baf-433b-82eb-8c7fada847da,S00003,"
                           "2021-08-31T22:00:00.000Z,2021-09-08T22:00:00.000Z\n";
    const QByteArray sum = Crypto::sha256(csv).toHex() + "  codes-0001.csv";
    seed(u"codes-batch"_s, 'C', http("200 OK", codes(3, false, csv, sum)));
    const QByteArray one = csv.left(csv.indexOf("\n6fa4") + 1);
    seed(u"codes-last-one"_s, 'C',
         http("200 OK", codes(1, true, one, Crypto::sha256(one).toHex() + "  codes-0001.csv")));
    seed(u"codes-none-left"_s, 'C', http("200 OK", R"({"count": 0, "exhausted": true})"));
    seed(u"codes-wrong-checksum"_s, 'C', http("200 OK", codes(3, false, csv, QByteArray(64, '0'))));
    seed(u"codes-refused"_s, 'C',
         http("403 Forbidden",
              R"({"resourceType": "OperationOutcome", "issue": [)"
              R"({"severity": "error", "code": "forbidden", "diagnostics": "no"}]})"));
    seed(u"time-valid"_s, 'T', http("200 OK", R"({"time": "2021-09-01T12:00:00.000Z"})"));
    seed(u"time-offset"_s, 'T', http("200 OK", R"({"time": "2021-09-01T14:00:00+02:00"})"));
    seed(u"time-not-a-date"_s, 'T', http("200 OK", R"({"time": 1630497600})"));
    seed(u"time-not-found"_s, 'T',
         http("404 Not Found", R"({"resourceType": "OperationOutcome"})"));
}

// ---- keys typed into the workstation (format: FuzzScannerInput.cpp) ----

struct Keys
{
    QByteArray bytes;

    // flags: minimum length - 1 in the low bits, 0x10 prefix, 0x20 suffix, 0x40 GS alias.
    Keys(uint8_t flags, uint8_t threshold)
        : bytes{char(flags), char(threshold - 1)}
    {}
    Keys& string(const QByteArray& text)
    {
        bytes += char(text.size()) + text;
        return *this;
    }
    // `control`: the gap in ms, 0x40 press only, 0x80 auto-repeat.
    Keys& type(const QByteArray& text, uint8_t control)
    {
        for (char c : text)
            bytes += QByteArray{char(control), c};
        return *this;
    }
};

void scannerSeeds()
{
    auto seed = [](const QString& name, const Keys& keys) {
        write(u"scanner_input"_s, name, keys.bytes);
    };
    const QByteArray ins =
        InsDataMatrix::toPayload({u"185057512345673"_s, u"1.2.250.1.213.1.4.8"_s, u"ADA"_s,
                                  u"LOVELACE"_s, u"F"_s, QDate(1815, 12, 10), u"99100"_s})
            .toLatin1();
    seed(u"scan-ins-datamatrix"_s, Keys(0x03, 35).type(ins, 2).type("\r", 2));
    seed(u"scan-tube-label-tab"_s, Keys(0x03, 35).type("CHU75-2020-000123", 3).type("\t", 3));
    seed(u"person-typing"_s, Keys(0x03, 35).type("Dupont", 63).type("\r", 63));
    seed(u"person-then-scan"_s,
         Keys(0x03, 35).type("Jea", 60).type("CHU75-2020-000124", 1).type("\r", 1));
    seed(u"prefix-scan"_s,
         Keys(0x13, 35).string("]d2").type("]d2ABCDEF", 2).type("\r", 2).type("]dX", 50));
    seed(u"suffix-scan-then-enter"_s,
         Keys(0x23, 20).string("#").type("TUBE0042#", 4).type("\r", 4).type("ok", 40));
    seed(u"gs-alias-scan"_s,
         Keys(0x43, 35).string("^]").type("IS01S3ADA^]S4LOVELACE^]S5F", 2).type("\r", 2));
    seed(u"shortcut-and-click-inside-burst"_s,
         Keys(0x03, 35).type("ABC", 2).type("\x01", 2).type("DEF", 2).type("\x06", 2).type("GHIJ\r",
                                                                                           2));
    seed(u"auto-repeat"_s, Keys(0x03, 35).type("aaaaaaaa", 0x80 | 30).type("\r", 30));
    seed(u"presses-without-release"_s, Keys(0x03, 35).type("XYZW", 0x40 | 1).type("\r", 1));
    seed(u"too-short-then-editing-keys"_s,
         Keys(0x07, 35).type("AB\r", 1).type("\x03\x02\x05\x07\x08\x04", 1));
    seed(u"latin1-and-capitals"_s, Keys(0x01, 10).type("\xc9l\xe9Ve", 1).type("\t", 1));
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("SIDEP_TEST_FAST_KDF", "1");
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        fprintf(stderr, "usage: fuzz_seed_writer CORPUS_FOLDER\n");
        return 2;
    }
    output = QDir(QString::fromLocal8Bit(argv[1]));
    insSeeds();
    csvSeeds();
    deliverySeeds();
    recordSeeds();
    bundleSeeds();
    syncSeeds();
    scannerSeeds();
    return 0;
}
