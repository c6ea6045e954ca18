#include "ActivationCodes.h"
#include "Crypto.h"
#include "RecordStore.h"
#include "ResultStore.h"
#include "Store.h"
#include "TestSupport.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

QString iso(const QDateTime& dateTime)
{
    return dateTime.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"_s);
}

QString longCode()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces); // random: version 4
}

// A national batch: `count` codes valid from a day ago for `days` days.
QByteArray batch(int count, int firstIndex = 0, int fromDays = -1, int days = 8)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QByteArray csv = "code_pour_qr,code_brut,validite_debut,validite_fin\n";
    for (int i = 0; i < count; ++i) {
        csv += u"%1,%2,%3,%4\n"_s
                   .arg(longCode(), u"C%1"_s.arg(firstIndex + i, 5, 10, QLatin1Char('0')),
                        iso(now.addDays(fromDays)), iso(now.addDays(fromDays + days)))
                   .toUtf8();
    }
    return csv;
}

int poolSize(Store& store)
{
    QString error;
    return ActivationCodes(store).status(3, &error).total;
}

} // namespace

// The pool of one-time activation codes: the import checks everything and takes all or
// nothing; a positive takes one valid code, never one used or expired, never the same as
// another positive, even from two processes at once.
class TestActivationCodes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void goodFileIsImported();
    void goodFileWithItsSha256IsImported();
    void malformedFileImportsNothing_data();
    void malformedFileImportsNothing();
    void codeAlreadyInPoolImportsNothing();
    void nurseCannotImport();
    void positiveTakesOneCodeWithLinkFromTemplate();
    void linkTemplateIsASetting();
    void expiredOrNotYetValidCodeIsNeverUsed();
    void validityBoundsHoldToTheMillisecond_data();
    void validityBoundsHoldToTheMillisecond();
    void codeThatExpiresFirstGoesFirst();
    void noCodeLeftFlagsAndImportAssigns();
    void twoProcessesNeverShareACode();
    void writtenFileReadsBackUnchanged();
    void problemsStopAtTheLimit();

private:
    QUuid addRecord(int index);
    QUuid validatedPositive(int index, const QDateTime& now = QDateTime::currentDateTimeUtc());
    bool import(Store& store, const QByteArray& csv, QString* error,
                const QByteArray& sha256 = QByteArray(),
                ActivationCodes::ImportReport* report = nullptr);

    std::unique_ptr<StoreFixture> m_fixture;
    std::unique_ptr<Store> m_lab;
};

void TestActivationCodes::init()
{
    m_fixture = std::make_unique<StoreFixture>();
    QVERIFY(m_fixture->isValid());
    auto admin = m_fixture->openAs(AdminName);
    QString error;
    // One entry validates a positive here: the second check has its own tests.
    QVERIFY(admin->setSetting(ResultStore::SecondCheckSetting, u"off"_s, &error));
    m_lab = m_fixture->openAs(LabName);
    QVERIFY(m_lab);
}

void TestActivationCodes::cleanup()
{
    m_lab.reset();
    m_fixture.reset();
}

QUuid TestActivationCodes::addRecord(int index)
{
    auto nurse = m_fixture->openAs(NurseName);
    SamplingRecord record = validRecord(index);
    record.specimen.collectedAt =
        QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate);
    QList<Problem> problems;
    QString error;
    if (!nurse || !nurse->records()->add(&record, {}, &problems, &error))
        qWarning("cannot add a record: %s", qPrintable(error));
    return record.id;
}

QUuid TestActivationCodes::validatedPositive(int index, const QDateTime& now)
{
    const QUuid id = addRecord(index);
    ResultStore results(*m_lab);
    ResultStore::Entry entry;
    entry.value = u"P"_s;
    ResultStore::Outcome outcome;
    QList<Problem> problems;
    QString error;
    if (!results.enter(id, entry, &outcome, &problems, &error, now) ||
        outcome != ResultStore::Outcome::Validated) {
        qWarning("positive not validated: %s", qPrintable(error));
    }
    return id;
}

bool TestActivationCodes::import(Store& store, const QByteArray& csv, QString* error,
                                 const QByteArray& sha256, ActivationCodes::ImportReport* report)
{
    ActivationCodes codes(store);
    ActivationCodes::ImportReport local;
    return codes.importCsv(csv, u"batch.csv"_s, sha256, report ? report : &local, error);
}

void TestActivationCodes::goodFileIsImported()
{
    ActivationCodes codes(*m_lab);
    QSignalSpy imported(&codes, &ActivationCodes::codesImported);
    ActivationCodes::ImportReport report;
    QString error;
    // Windows line ends, a byte-order mark and a short 12-character code are all accepted.
    QByteArray csv = "\xEF\xBB\xBF" + batch(5);
    csv.replace("\n", "\r\n");
    csv += longCode().toUtf8() + ",ABCDEF123456," +
           iso(QDateTime::currentDateTimeUtc().addDays(-1)).toUtf8() + "," +
           iso(QDateTime::currentDateTimeUtc().addDays(2)).toUtf8() + "\r\n";
    QVERIFY2(codes.importCsv(csv, u"batch.csv"_s, {}, &report, &error), qPrintable(error));
    QCOMPARE(report.imported, 6);
    QVERIFY(report.problems.isEmpty());
    QCOMPARE(imported.count(), 1);
    const ActivationCodes::Status status = codes.status(3, &error);
    QCOMPARE(status.total, 6);
    QCOMPARE(status.validNow, 6);
    QCOMPARE(status.expiringSoon, 1);
    QCOMPARE(status.used, 0);
    QVERIFY(status.nextExpiry.isValid());
}

void TestActivationCodes::goodFileWithItsSha256IsImported()
{
    QTemporaryDir dir;
    const QByteArray csv = batch(3);
    const QString csvPath = dir.filePath(u"codes-2020-11-02.csv"_s);
    QFile file(csvPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csv);
    file.close();
    QFile sum(csvPath + u".sha256"_s);
    QVERIFY(sum.open(QIODevice::WriteOnly));
    sum.write(Crypto::sha256(csv).toHex() + "  codes-2020-11-02.csv\n");
    sum.close();
    ActivationCodes codes(*m_lab);
    ActivationCodes::ImportReport report;
    QString error;
    QVERIFY2(codes.importFile(csvPath, csvPath + u".sha256"_s, &report, &error), qPrintable(error));
    QCOMPARE(report.imported, 3);
}

void TestActivationCodes::malformedFileImportsNothing_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QByteArray>("sha256"); // null: no checksum file
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("rule");

    const QByteArray good = batch(4);
    const QList<QByteArray> lines = good.split('\n');
    auto replaced = [&](int index, const QByteArray& line) {
        QList<QByteArray> copy = lines;
        copy[index] = line;
        return copy.join('\n');
    };
    const QByteArray from = iso(QDateTime::currentDateTimeUtc().addDays(-1)).toUtf8();
    const QByteArray until = iso(QDateTime::currentDateTimeUtc().addDays(3)).toUtf8();
    const QByteArray uuid = longCode().toUtf8();

    QTest::newRow("wrong header") << replaced(0, "code,code_brut,validite_debut,validite_fin")
                                  << QByteArray() << 1 << u"csv.header"_s;
    QTest::newRow("empty file") << QByteArray() << QByteArray() << 0 << u"csv.empty"_s;
    QTest::newRow("header only") << lines.first() << QByteArray() << 0 << u"csv.empty"_s;
    QTest::newRow("three columns")
        << replaced(3, uuid + ",C99999," + from) << QByteArray() << 4 << u"csv.columns"_s;
    QTest::newRow("upper-case UUID")
        << replaced(2, uuid.toUpper() + ",C99999," + from + "," + until) << QByteArray() << 3
        << u"code.format"_s;
    QTest::newRow("UUID not version 4")
        << replaced(2, "123e4567-e89b-12d3-a456-426614174000,C99999," + from + "," + until)
        << QByteArray() << 3 << u"code.format"_s;
    QTest::newRow("short code of 7") << replaced(2, uuid + ",ABCDEFG," + from + "," + until)
                                     << QByteArray() << 3 << u"code.format"_s;
    QTest::newRow("lower-case short code") << replaced(2, uuid + ",abcdef," + from + "," + until)
                                           << QByteArray() << 3 << u"code.format"_s;
    QTest::newRow("date without Z")
        << replaced(2, uuid + ",C99999,2021-08-25T22:00:00.000+02:00," + until) << QByteArray() << 3
        << u"date.format"_s;
    QTest::newRow("date that does not exist")
        << replaced(2, uuid + ",C99999,2021-02-30T22:00:00.000Z," + until) << QByteArray() << 3
        << u"date.format"_s;
    QTest::newRow("end before start") << replaced(2, uuid + ",C99999," + until + "," + from)
                                      << QByteArray() << 3 << u"dates.order"_s;
    QTest::newRow("end equals start") << replaced(2, uuid + ",C99999," + from + "," + from)
                                      << QByteArray() << 3 << u"dates.order"_s;
    QTest::newRow("duplicate line") << good + lines.at(1) + "\n"
                                    << QByteArray() << 6 << u"code.duplicate"_s;
    QTest::newRow("duplicate short code")
        << replaced(4, uuid + "," + lines.at(1).split(',').at(1) + "," + from + "," + until)
        << QByteArray() << 5 << u"code.duplicate"_s;
    QTest::newRow("sha256 of another content")
        << good << QByteArray(Crypto::sha256("other").toHex() + "  batch.csv\n") << 0
        << u"sha256.mismatch"_s;
    QTest::newRow("file cut after its sha256 was made")
        << good.left(good.size() - 10) << QByteArray(Crypto::sha256(good).toHex() + "  batch.csv\n")
        << 0 << u"sha256.mismatch"_s;
    QTest::newRow("sha256 names another file")
        << good << QByteArray(Crypto::sha256(good).toHex() + "  other.csv\n") << 0
        << u"sha256.name"_s;
    QTest::newRow("sha256 file garbage")
        << good << QByteArray("not a checksum\n") << 0 << u"sha256.format"_s;
    QTest::newRow("sha256 file empty") << good << QByteArray("") << 0 << u"sha256.format"_s;
}

void TestActivationCodes::malformedFileImportsNothing()
{
    QFETCH(QByteArray, csv);
    QFETCH(QByteArray, sha256);
    QFETCH(int, line);
    QFETCH(QString, rule);

    ActivationCodes codes(*m_lab);
    ActivationCodes::ImportReport report;
    QString error;
    QVERIFY(!codes.importCsv(csv, u"batch.csv"_s, sha256, &report, &error));
    QCOMPARE(report.imported, 0);
    QVERIFY(!report.problems.isEmpty());
    const bool named = std::any_of(report.problems.cbegin(), report.problems.cend(),
                                   [&](const ActivationCodes::ImportProblem& problem) {
                                       return problem.line == line && problem.rule == rule;
                                   });
    QVERIFY2(named, qPrintable(report.problems.first().toString()));
    QVERIFY(error.contains(u"nothing imported"_s));
    QCOMPARE(poolSize(*m_lab), 0);
}

void TestActivationCodes::codeAlreadyInPoolImportsNothing()
{
    const QByteArray first = batch(3);
    QString error;
    QVERIFY2(import(*m_lab, first, &error), qPrintable(error));
    // A new batch that repeats one code of the first: none of it is taken.
    QByteArray second = batch(3, 100);
    second += first.split('\n').at(2) + "\n";
    ActivationCodes::ImportReport report;
    QVERIFY(!import(*m_lab, second, &error, {}, &report));
    QCOMPARE(report.problems.size(), 1);
    QCOMPARE(report.problems.first().line, 5);
    QCOMPARE(report.problems.first().rule, u"code.known"_s);
    QCOMPARE(poolSize(*m_lab), 3);
}

void TestActivationCodes::nurseCannotImport()
{
    auto nurse = m_fixture->openAs(NurseName);
    QString error;
    QVERIFY(!import(*nurse, batch(2), &error));
    QVERIFY(error.contains(u"nurse"_s));
    auto admin = m_fixture->openAs(AdminName);
    QVERIFY2(import(*admin, batch(2), &error), qPrintable(error));
}

void TestActivationCodes::positiveTakesOneCodeWithLinkFromTemplate()
{
    const QByteArray csv = batch(2);
    QString error;
    QVERIFY(import(*m_lab, csv, &error));
    const QUuid id = validatedPositive(1);
    ResultStore results(*m_lab);
    ResultStore::Current current;
    QVERIFY(results.current(id, &current, &error));
    QVERIFY(!current.awaitingActivationCode);
    // The code in clear is code_brut; the link carries code_pour_qr.
    QVERIFY(current.activation.code.startsWith(u'C'));
    QString qrCode;
    for (const QByteArray& line : csv.split('\n')) {
        if (line.contains(current.activation.code.toUtf8()))
            qrCode = QString::fromUtf8(line.split(',').first());
    }
    QVERIFY(!qrCode.isEmpty());
    QCOMPARE(current.activation.link,
             u"https://bonjour.tousanticovid.gouv.fr/app/code/"_s + qrCode);
    ActivationCodes codes(*m_lab);
    const ActivationCodes::Status status = codes.status(3, &error);
    QCOMPARE(status.used, 1);
    QCOMPARE(status.validNow, 1);
    // A negative takes none.
    const QUuid negative = addRecord(2);
    ResultStore::Entry entry;
    entry.value = u"N"_s;
    ResultStore::Outcome outcome;
    QList<Problem> problems;
    QVERIFY(results.enter(negative, entry, &outcome, &problems, &error));
    QCOMPARE(codes.status(3, &error).used, 1);
}

void TestActivationCodes::linkTemplateIsASetting()
{
    auto admin = m_fixture->openAs(AdminName);
    QString error;
    QVERIFY(admin->setSetting(ActivationCodes::LinkTemplateSetting,
                              u"https://app.stopcovid.gouv.fr?code={code}&type=1"_s, &error));
    QVERIFY(import(*m_lab, batch(1), &error));
    const QUuid id = validatedPositive(1);
    ResultStore results(*m_lab);
    ResultStore::Current current;
    QVERIFY(results.current(id, &current, &error));
    static const QRegularExpression form2020(
        u"^https://app\\.stopcovid\\.gouv\\.fr\\?code=[0-9a-f-]{36}&type=1$"_s);
    QVERIFY2(form2020.match(current.activation.link).hasMatch(),
             qPrintable(current.activation.link));
}

void TestActivationCodes::expiredOrNotYetValidCodeIsNeverUsed()
{
    QString error;
    QVERIFY(import(*m_lab, batch(2, 0, -10, 3), &error)); // ended a week ago
    QVERIFY(import(*m_lab, batch(2, 10, 2, 3), &error));  // starts in two days
    ActivationCodes codes(*m_lab);
    ActivationCodes::Status status = codes.status(3, &error);
    QCOMPARE(status.expired, 2);
    QCOMPARE(status.notYetValid, 2);
    QCOMPARE(status.validNow, 0);
    const QUuid id = validatedPositive(1);
    ResultStore results(*m_lab);
    ResultStore::Current current;
    QVERIFY(results.current(id, &current, &error));
    QVERIFY(current.activation.code.isEmpty());
    QVERIFY(current.awaitingActivationCode);
    status = codes.status(3, &error);
    QCOMPARE(status.used, 0);
    QCOMPARE(status.awaitingCode, 1);
}

void TestActivationCodes::validityBoundsHoldToTheMillisecond_data()
{
    // The code's validity, in milliseconds from the time the positive is validated.
    QTest::addColumn<int>("fromMs");
    QTest::addColumn<int>("untilMs");
    QTest::addColumn<bool>("given");
    constexpr int Day = 24 * 3600 * 1000;
    // The end is excluded, the start included (codes.md: never outside the window).
    QTest::newRow("ends at that very millisecond") << -Day << 0 << false;
    QTest::newRow("ends one millisecond later") << -Day << 1 << true;
    QTest::newRow("starts at that very millisecond") << 0 << Day << true;
    QTest::newRow("starts one millisecond later") << 1 << Day << false;
}

void TestActivationCodes::validityBoundsHoldToTheMillisecond()
{
    QFETCH(int, fromMs);
    QFETCH(int, untilMs);
    QFETCH(bool, given);
    // The clock handed to the result entry, off the whole second so that a comparison that
    // lost the milliseconds would show.
    const QDateTime at =
        QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC).addMSecs(250);
    const QByteArray csv = "code_pour_qr,code_brut,validite_debut,validite_fin\n" +
                           longCode().toUtf8() + ",EDGE01," + iso(at.addMSecs(fromMs)).toUtf8() +
                           "," + iso(at.addMSecs(untilMs)).toUtf8() + "\n";
    QString error;
    QVERIFY2(import(*m_lab, csv, &error), qPrintable(error));
    ActivationCodes codes(*m_lab);
    ActivationCodes::Status status = codes.status(3, &error, at);
    QCOMPARE(status.validNow, given ? 1 : 0);
    QCOMPARE(status.expired, !given && untilMs <= 0 ? 1 : 0);
    QCOMPARE(status.notYetValid, !given && fromMs > 0 ? 1 : 0);

    const QUuid id = validatedPositive(1, at);
    ResultStore results(*m_lab);
    ResultStore::Current current;
    QVERIFY2(results.current(id, &current, &error), qPrintable(error));
    QCOMPARE(current.activation.code, given ? u"EDGE01"_s : QString());
    QCOMPARE(current.awaitingActivationCode, !given);
    status = codes.status(3, &error, at);
    QCOMPARE(status.used, given ? 1 : 0);
    QCOMPARE(status.awaitingCode, given ? 0 : 1);
}

void TestActivationCodes::codeThatExpiresFirstGoesFirst()
{
    // Two codes valid now, the longer one first in the file: the one that ends sooner is given
    // first, so that fewer expire unused in the pool.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray from = iso(now.addDays(-1)).toUtf8();
    const QByteArray csv = "code_pour_qr,code_brut,validite_debut,validite_fin\n" +
                           longCode().toUtf8() + ",LATER1," + from + "," +
                           iso(now.addDays(5)).toUtf8() + "\n" + longCode().toUtf8() + ",SOONER," +
                           from + "," + iso(now.addDays(2)).toUtf8() + "\n";
    QString error;
    QVERIFY2(import(*m_lab, csv, &error), qPrintable(error));
    ResultStore results(*m_lab);
    ResultStore::Current current;
    QVERIFY(results.current(validatedPositive(1, now), &current, &error));
    QCOMPARE(current.activation.code, u"SOONER"_s);
    QVERIFY(results.current(validatedPositive(2, now), &current, &error));
    QCOMPARE(current.activation.code, u"LATER1"_s);
}

void TestActivationCodes::noCodeLeftFlagsAndImportAssigns()
{
    const QUuid first = validatedPositive(1);
    const QUuid second = validatedPositive(2);
    ResultStore results(*m_lab);
    QString error;
    Activation activation;
    QVERIFY(!results.activationFor(first, ResultStore::QrUse::Display, &activation, &error));
    QVERIFY(error.contains(u"no activation code"_s));

    QSignalSpy assigned(&results, &ResultStore::activationAssigned);
    ActivationCodes::ImportReport report;
    QVERIFY2(import(*m_lab, batch(1), &error, {}, &report), qPrintable(error));
    QCOMPARE(report.assigned, 1); // one code for two waiting: the first waiting gets it
    ResultStore::Current current;
    QVERIFY(results.current(first, &current, &error));
    QVERIFY(!current.activation.code.isEmpty());
    QVERIFY(!current.awaitingActivationCode);
    QVERIFY(results.current(second, &current, &error));
    QVERIFY(current.awaitingActivationCode);
    QVERIFY2(import(*m_lab, batch(3, 50), &error, {}, &report), qPrintable(error));
    QCOMPARE(report.assigned, 1);
    QVERIFY(results.current(second, &current, &error));
    QVERIFY(!current.activation.code.isEmpty());
    QVERIFY(results.activationFor(second, ResultStore::QrUse::Display, &activation, &error));
    QCOMPARE(activation.code, current.activation.code);
    ActivationCodes codes(*m_lab);
    QCOMPARE(codes.status(3, &error).awaitingCode, 0);
}

void TestActivationCodes::twoProcessesNeverShareACode()
{
    const QString sidepctl = qEnvironmentVariable("SIDEPCTL");
    QVERIFY2(QFile::exists(sidepctl), "SIDEPCTL must name the sidepctl executable");
    constexpr int Positives = 12;
    constexpr int Codes = 9; // fewer codes than positives: the last ones must wait
    QStringList tubes;
    for (int i = 0; i < Positives; ++i) {
        const QUuid id = addRecord(100 + i);
        QVERIFY(!id.isNull());
        tubes.append(validRecord(100 + i).specimen.accession);
    }
    QString error;
    QVERIFY(import(*m_lab, batch(Codes), &error));

    // Two processes, each entering half the positives one after the other, at the same time.
    auto script = [&](int half) {
        QStringList commands;
        for (int i = half; i < Positives; i += 2) {
            commands.append(
                u"printf '%s\\n' \"$PASSWORD\" | \"$SIDEPCTL\" --db \"$DB\" --user "
                "lab --password-stdin result set --tube %1 --value P || exit 1"_s.arg(tubes.at(i)));
        }
        return commands.join(u'\n');
    };
    QList<std::shared_ptr<QProcess>> processes;
    for (int half = 0; half < 2; ++half) {
        auto process = std::make_shared<QProcess>();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"PASSWORD"_s, Password);
        environment.insert(u"DB"_s, m_fixture->path());
        process->setProcessEnvironment(environment);
        process->start(u"/bin/sh"_s, {u"-c"_s, script(half)});
        processes.append(process);
    }
    for (const auto& process : std::as_const(processes)) {
        QVERIFY(process->waitForFinished(120000));
        QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
    }

    ResultStore results(*m_lab);
    QSet<QString> given;
    int waiting = 0;
    for (const QString& tube : std::as_const(tubes)) {
        QUuid id;
        QVERIFY(m_lab->records()->findByTube(tube, &id, &error));
        ResultStore::Current current;
        QVERIFY(results.current(id, &current, &error));
        QVERIFY(current.isValidatedPositive());
        if (current.awaitingActivationCode) {
            ++waiting;
            continue;
        }
        QVERIFY2(!given.contains(current.activation.code), "a code was given twice");
        given.insert(current.activation.code);
    }
    QCOMPARE(given.size(), Codes);
    QCOMPARE(waiting, Positives - Codes);
    // The pool agrees: each code used once, by one record.
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
    {
        db.setDatabaseName(m_fixture->path());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"SELECT count(*), count(DISTINCT used_by) FROM activation_codes "
                           "WHERE used_by IS NOT NULL"_s));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), Codes);
        QCOMPARE(query.value(1).toInt(), Codes);
        db.close();
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"check"_s);
}

void TestActivationCodes::writtenFileReadsBackUnchanged()
{
    // What the server writes for a site is exactly what the site's reader takes back.
    const QList<ActivationCodeCsv::Code> codes = {
        {0, u"9f3c2a4e-1b7d-4c3e-9a1f-2b3c4d5e6f70"_s, u"9f3c2a4e-1b7d-4c3e-9a1f-2b3c4d5e6f70"_s,
         u"2021-08-25T22:00:00.000Z"_s, u"2021-09-04T22:00:00.000Z"_s},
        {0, u"ABC123DEF456"_s, u"XY12ZW"_s, u"2021-08-26T00:00:00.000Z"_s,
         u"2021-08-27T00:00:00.500Z"_s},
    };
    const QByteArray csv = ActivationCodeCsv::write(codes);
    QVERIFY(csv.startsWith("code_pour_qr,code_brut,validite_debut,validite_fin\n"));
    QList<ActivationCodeCsv::Code> read;
    const QList<ActivationCodeCsv::Problem> problems = ActivationCodeCsv::read(csv, &read);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).toString()));
    QCOMPARE(read.size(), codes.size());
    for (qsizetype i = 0; i < codes.size(); ++i) {
        QCOMPARE(read.at(i).line, int(i + 2));
        QCOMPARE(read.at(i).qrCode, codes.at(i).qrCode);
        QCOMPARE(read.at(i).rawCode, codes.at(i).rawCode);
        QCOMPARE(read.at(i).validFrom, codes.at(i).validFrom);
        QCOMPARE(read.at(i).validUntil, codes.at(i).validUntil);
    }
    // A date without milliseconds comes back in the fixed-width form.
    QList<ActivationCodeCsv::Code> shortDates;
    QVERIFY(ActivationCodeCsv::read("code_pour_qr,code_brut,validite_debut,validite_fin\n"
                                    "XY12ZW,XY12ZW,2021-08-26T00:00:00Z,2021-08-27T00:00:00Z\n",
                                    &shortDates)
                .isEmpty());
    QCOMPARE(shortDates.value(0).validFrom, u"2021-08-26T00:00:00.000Z"_s);
}

void TestActivationCodes::problemsStopAtTheLimit()
{
    QByteArray csv = "code_pour_qr,code_brut,validite_debut,validite_fin\n";
    for (int i = 0; i < 3 * ActivationCodeCsv::MaxProblems; ++i)
        csv += "not a code,XY12ZW\n";
    QList<ActivationCodeCsv::Code> codes;
    const QList<ActivationCodeCsv::Problem> problems = ActivationCodeCsv::read(csv, &codes);
    QCOMPARE(problems.size(), ActivationCodeCsv::MaxProblems);
    QCOMPARE(problems.first().line, 2);
    QCOMPARE(problems.first().rule, u"csv.columns"_s);
    QVERIFY(codes.isEmpty());
}

QTEST_GUILESS_MAIN(TestActivationCodes)
#include "TestActivationCodes.moc"
