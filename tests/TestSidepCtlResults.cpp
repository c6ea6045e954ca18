#include "ActivationCodes.h"
#include "BarcodeDecoder.h"
#include "Crypto.h"
#include "RecordStore.h"
#include "ResultStore.h"
#include "SidepCtl.h"
#include "SidepCtlRun.h"
#include "Store.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

using Run = SidepCtlRun;

const QString SecondLab = u"lab2"_s;

QString iso(const QDateTime& dateTime)
{
    return dateTime.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"_s);
}

QByteArray batch(int count)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QByteArray csv = "code_pour_qr,code_brut,validite_debut,validite_fin\n";
    for (int i = 0; i < count; ++i) {
        csv += u"%1,%2,%3,%4\n"_s
                   .arg(QUuid::createUuid().toString(QUuid::WithoutBraces),
                        u"R%1"_s.arg(i, 5, 10, QLatin1Char('0')), iso(now.addDays(-1)),
                        iso(now.addDays(6)))
                   .toUtf8();
    }
    return csv;
}

} // namespace

// sidepctl result, codes, qr and slip run in-process: exit codes, what they print, and that
// they obey the same rules as the model (second check, rights, audit).
class TestSidepCtlResults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void resultSetValidatesANegative();
    void positiveNeedsTwoUsers();
    void disagreementExitsInvalid();
    void nonConformityNeedsAReason();
    void reportIsAttached();
    void wrongRoleOrTubeOrUsage();
    void correctionNeedsAReason();
    void correctedPositiveNeedsTwoUsers();
    void codesImportAndStatus();
    void codesImportRefusesATamperedFile();
    void qrOnlyForAValidatedPositive();
    void slipAndReprint();

private:
    Run as(const QString& user, const QStringList& arguments);
    QString addRecord(int index);
    QString file(const QString& name, const QByteArray& content);
    QStringList auditActions();

    std::unique_ptr<StoreFixture> m_fixture;
};

void TestSidepCtlResults::init()
{
    m_fixture = std::make_unique<StoreFixture>();
    QVERIFY(m_fixture->isValid());
    auto admin = m_fixture->openAs(AdminName);
    QString error;
    QVERIFY(admin->addUser(SecondLab, Role::Lab, password(), &error));
}

void TestSidepCtlResults::cleanup()
{
    m_fixture.reset();
}

Run TestSidepCtlResults::as(const QString& user, const QStringList& arguments)
{
    return runSidepCtl(
        QStringList{u"--db"_s, m_fixture->path(), u"--user"_s, user, u"--password-stdin"_s} +
            arguments,
        Password.toUtf8() + '\n');
}

QString TestSidepCtlResults::addRecord(int index)
{
    auto nurse = m_fixture->openAs(NurseName);
    SamplingRecord record = validRecord(index);
    record.specimen.collectedAt =
        QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate);
    QList<Problem> problems;
    QString error;
    if (!nurse || !nurse->records()->add(&record, {}, &problems, &error))
        qWarning("cannot add a record: %s", qPrintable(error));
    return record.specimen.accession;
}

QString TestSidepCtlResults::file(const QString& name, const QByteArray& content)
{
    const QString path = QDir(m_fixture->folder()).filePath(name);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(content) != content.size())
        qWarning("cannot write %s", qPrintable(path));
    return path;
}

QStringList TestSidepCtlResults::auditActions()
{
    auto admin = m_fixture->openAs(AdminName);
    QStringList actions;
    for (const AuditLog::Entry& entry : admin->auditLog()->entries(1, 100000))
        actions.append(entry.action);
    return actions;
}

void TestSidepCtlResults::resultSetValidatesANegative()
{
    const QString tube = addRecord(1);
    const Run run = as(LabName, {u"result"_s, u"set"_s, u"--tube"_s, tube, u"--value"_s, u"N"_s,
                                 u"--analysis"_s, u"94558-4"_s});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.err));
    QVERIFY(run.out.contains(u"validated"_s));
    auto lab = m_fixture->openAs(LabName);
    QUuid id;
    QString error;
    QVERIFY(lab->records()->findByTube(tube, &id, &error));
    ResultStore results(*lab);
    ResultStore::Current current;
    QVERIFY(results.current(id, &current, &error));
    QCOMPARE(current.status, RecordStatus::Resulted);
    QCOMPARE(current.result.analysis, u"94558-4"_s);
}

void TestSidepCtlResults::positiveNeedsTwoUsers()
{
    const QString tube = addRecord(2);
    const QStringList set = {u"result"_s, u"set"_s, u"--tube"_s, tube, u"--value"_s, u"P"_s};
    Run run = as(LabName, set);
    QCOMPARE(run.code, int(SidepCtl::Success));
    QVERIFY(run.out.contains(u"another user"_s));
    run = as(LabName, set); // the same user again does not count
    QCOMPARE(run.code, int(SidepCtl::Success));
    QVERIFY(run.out.contains(u"another user"_s));
    run = as(SecondLab, set);
    QCOMPARE(run.code, int(SidepCtl::Success));
    QVERIFY(run.out.contains(u"validated"_s));
    // No codes in the pool: the user is told at once.
    QVERIFY(run.err.contains(u"activation code"_s));
    run = as(SecondLab, set);
    QCOMPARE(run.code, int(SidepCtl::Invalid)); // validated: only a correction now
}

void TestSidepCtlResults::disagreementExitsInvalid()
{
    const QString tube = addRecord(3);
    QCOMPARE(as(LabName, {u"result"_s, u"set"_s, u"--tube"_s, tube, u"--value"_s, u"P"_s}).code,
             int(SidepCtl::Success));
    const Run run = as(SecondLab, {u"result"_s, u"set"_s, u"--tube"_s, tube, u"--value"_s, u"N"_s});
    QCOMPARE(run.code, int(SidepCtl::Invalid));
    QVERIFY(run.err.contains(u"disagrees"_s));
    QVERIFY(auditActions().contains(u"result.mismatch"_s));
}

void TestSidepCtlResults::nonConformityNeedsAReason()
{
    const QString tube = addRecord(4);
    Run run = as(LabName, {u"result"_s, u"set"_s, u"--tube"_s, tube, u"--value"_s, u"X"_s});
    QCOMPARE(run.code, int(SidepCtl::Invalid));
    QVERIFY2(run.err.contains(u"result.nonConformity"_s) && run.err.contains(u"[required]"_s),
             qPrintable(run.err));
    run = as(LabName, {u"result"_s, u"set"_s, u"--tube"_s, tube, u"--value"_s, u"X"_s,
                       u"--reason"_s, u"tube leaked"_s});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.err));
    // Sampling is an hour ago: a validation two hours ago is refused.
    const QString other = addRecord(5);
    run = as(LabName,
             {u"result"_s, u"set"_s, u"--tube"_s, other, u"--value"_s, u"N"_s, u"--validated-at"_s,
              QDateTime::currentDateTimeUtc().addSecs(-7200).toString(Qt::ISODate)});
    QCOMPARE(run.code, int(SidepCtl::Invalid));
    QVERIFY(run.err.contains(u"[validatedAt.beforeSampling]"_s));
}

void TestSidepCtlResults::reportIsAttached()
{
    const QString tube = addRecord(6);
    const QString notPdf = file(u"report.txt"_s, "hello");
    Run run = as(LabName, {u"result"_s, u"set"_s, u"--tube"_s, tube, u"--value"_s, u"N"_s,
                           u"--report"_s, notPdf});
    QCOMPARE(run.code, int(SidepCtl::Invalid));
    QVERIFY(run.err.contains(u"[report.pdf]"_s));
    const QString pdf = file(u"report.pdf"_s, "%PDF-1.4\n%%EOF\n");
    run = as(LabName,
             {u"result"_s, u"set"_s, u"--tube"_s, tube, u"--value"_s, u"N"_s, u"--report"_s, pdf});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.err));
    auto lab = m_fixture->openAs(LabName);
    QUuid id;
    QString error;
    QVERIFY(lab->records()->findByTube(tube, &id, &error));
    QByteArray stored;
    QVERIFY(ResultStore(*lab).report(id, &stored, &error));
    QCOMPARE(stored, QByteArray("%PDF-1.4\n%%EOF\n"));
}

void TestSidepCtlResults::wrongRoleOrTubeOrUsage()
{
    const QString tube = addRecord(7);
    QCOMPARE(as(NurseName, {u"result"_s, u"set"_s, u"--tube"_s, tube, u"--value"_s, u"N"_s}).code,
             int(SidepCtl::AccessDenied));
    QCOMPARE(as(LabName, {u"result"_s, u"set"_s, u"--tube"_s, u"NOPE-0000"_s, u"--value"_s, u"N"_s})
                 .code,
             int(SidepCtl::NotFound));
    QCOMPARE(as(LabName, {u"result"_s, u"set"_s, u"--tube"_s, tube}).code, int(SidepCtl::Usage));
    QCOMPARE(as(LabName, {u"result"_s, u"frobnicate"_s}).code, int(SidepCtl::Usage));
    QCOMPARE(as(NurseName, {u"codes"_s, u"import"_s, file(u"c.csv"_s, batch(1))}).code,
             int(SidepCtl::AccessDenied));
}

void TestSidepCtlResults::correctionNeedsAReason()
{
    const QString tube = addRecord(8);
    QCOMPARE(as(LabName, {u"result"_s, u"set"_s, u"--tube"_s, tube, u"--value"_s, u"N"_s}).code,
             int(SidepCtl::Success));
    QCOMPARE(as(LabName, {u"result"_s, u"correct"_s, u"--tube"_s, tube, u"--value"_s, u"I"_s}).code,
             int(SidepCtl::Usage));
    const Run run = as(LabName, {u"result"_s, u"correct"_s, u"--tube"_s, tube, u"--value"_s, u"I"_s,
                                 u"--reason"_s, u"analyser fault"_s});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.err));
    QCOMPARE(
        as(LabName, {u"result"_s, u"cancel"_s, u"--tube"_s, tube, u"--reason"_s, u"wrong tube"_s})
            .code,
        int(SidepCtl::Success));
    auto lab = m_fixture->openAs(LabName);
    QUuid id;
    QString error;
    QVERIFY(lab->records()->findByTube(tube, &id, &error));
    QList<ResultStore::Version> versions;
    QVERIFY(ResultStore(*lab).history(id, &versions, &error));
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions.at(0).reason, u"analyser fault"_s);
    QCOMPARE(versions.at(1).result.value, u"I"_s);
}

void TestSidepCtlResults::correctedPositiveNeedsTwoUsers()
{
    const QString tube = addRecord(9);
    QCOMPARE(as(LabName, {u"result"_s, u"set"_s, u"--tube"_s, tube, u"--value"_s, u"N"_s}).code,
             int(SidepCtl::Success));
    const QStringList correct = {u"result"_s,  u"correct"_s, u"--tube"_s,   tube,
                                 u"--value"_s, u"P"_s,       u"--reason"_s, u"misread"_s};
    Run run = as(LabName, correct);
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"another user"_s), qPrintable(run.out));
    QVERIFY(!run.out.contains(u"Result corrected"_s));
    auto lab = m_fixture->openAs(LabName);
    QUuid id;
    QString error;
    QVERIFY(lab->records()->findByTube(tube, &id, &error));
    ResultStore::Current current;
    QVERIFY(ResultStore(*lab).current(id, &current, &error));
    QCOMPARE(current.result.value, u"N"_s);
    QCOMPARE(current.version, 2);
    // A disagreeing second user exits invalid; an agreeing one corrects.
    run = as(SecondLab, {u"result"_s, u"correct"_s, u"--tube"_s, tube, u"--value"_s, u"I"_s,
                         u"--reason"_s, u"misread"_s});
    QCOMPARE(run.code, int(SidepCtl::Invalid));
    QVERIFY2(run.err.contains(u"disagrees"_s), qPrintable(run.err));
    run = as(SecondLab, correct);
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"Result corrected"_s), qPrintable(run.out));
    QVERIFY(ResultStore(*lab).current(id, &current, &error));
    QVERIFY(current.isValidatedPositive());
    QCOMPARE(current.version, 3);
}

void TestSidepCtlResults::codesImportAndStatus()
{
    const QString csv = file(u"codes.csv"_s, batch(4));
    Run run = as(LabName, {u"codes"_s, u"import"_s, csv});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.err));
    QVERIFY(run.out.contains(u"4"_s));
    run = as(AdminName, {u"codes"_s, u"status"_s, u"--soon-days"_s, u"10"_s});
    QCOMPARE(run.code, int(SidepCtl::Success));
    QVERIFY2(run.out.contains(u"valid now: 4"_s), qPrintable(run.out));
    QVERIFY(run.out.contains(u"expiring within 10 days: 4"_s));
    QVERIFY(run.out.contains(u"used: 0"_s));
}

void TestSidepCtlResults::codesImportRefusesATamperedFile()
{
    const QByteArray content = batch(3);
    const QString csv = file(u"codes.csv"_s, content);
    const QString sum = file(u"codes.csv.sha256"_s,
                             Crypto::sha256(QByteArray(content + "x")).toHex() + "  codes.csv\n");
    Run run = as(LabName, {u"codes"_s, u"import"_s, csv, u"--sha256"_s, sum});
    QCOMPARE(run.code, int(SidepCtl::Invalid));
    QVERIFY2(run.err.contains(u"[sha256.mismatch]"_s), qPrintable(run.err));
    QByteArray broken = content;
    broken.replace(",R00001,", ",r00001,");
    run = as(LabName, {u"codes"_s, u"import"_s, file(u"broken.csv"_s, broken)});
    QCOMPARE(run.code, int(SidepCtl::Invalid));
    QVERIFY2(run.err.contains(u"line 3, code_brut"_s), qPrintable(run.err));
    run = as(LabName, {u"codes"_s, u"status"_s});
    QVERIFY(run.out.contains(u"codes in the pool: 0"_s));
    // The genuine checksum lets it in.
    file(u"codes.csv.sha256"_s, Crypto::sha256(content).toHex() + "  codes.csv\n");
    run = as(LabName, {u"codes"_s, u"import"_s, csv, u"--sha256"_s, sum});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.err));
}

void TestSidepCtlResults::qrOnlyForAValidatedPositive()
{
    QCOMPARE(as(LabName, {u"codes"_s, u"import"_s, file(u"codes.csv"_s, batch(2))}).code,
             int(SidepCtl::Success));
    const QString negative = addRecord(9);
    const QString positive = addRecord(10);
    const QString png = QDir(m_fixture->folder()).filePath(u"qr.png"_s);
    QCOMPARE(as(LabName, {u"qr"_s, u"--tube"_s, positive, u"--png"_s, png}).code,
             int(SidepCtl::Invalid)); // no result yet
    QCOMPARE(as(LabName, {u"result"_s, u"set"_s, u"--tube"_s, negative, u"--value"_s, u"N"_s}).code,
             int(SidepCtl::Success));
    QCOMPARE(as(LabName, {u"qr"_s, u"--tube"_s, negative, u"--png"_s, png}).code,
             int(SidepCtl::Invalid));
    const QStringList set = {u"result"_s, u"set"_s, u"--tube"_s, positive, u"--value"_s, u"P"_s};
    QCOMPARE(as(LabName, set).code, int(SidepCtl::Success));
    QCOMPARE(as(LabName, {u"qr"_s, u"--tube"_s, positive, u"--png"_s, png}).code,
             int(SidepCtl::Invalid)); // one entry only: not validated
    QVERIFY(!QFile::exists(png));
    QCOMPARE(as(SecondLab, set).code, int(SidepCtl::Success));
    const Run run = as(LabName, {u"qr"_s, u"--tube"_s, positive, u"--png"_s, png});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.err));

    auto lab = m_fixture->openAs(LabName);
    QUuid id;
    QString error;
    QVERIFY(lab->records()->findByTube(positive, &id, &error));
    ResultStore::Current current;
    QVERIFY(ResultStore(*lab).current(id, &current, &error));
    QVERIFY(current.activation.link.startsWith(ActivationCodes::DefaultLinkTemplate.left(40)));
    const QList<DecodedBarcode> codes = BarcodeDecoder::decode(QImage(png));
    QCOMPARE(codes.size(), 1);
    QCOMPARE(codes.first().text, current.activation.link);
    QVERIFY(auditActions().contains(u"qr.export"_s));
}

void TestSidepCtlResults::slipAndReprint()
{
    const QString tube = addRecord(11);
    const QString pdf = QDir(m_fixture->folder()).filePath(u"slip.pdf"_s);
    QCOMPARE(as(LabName, {u"slip"_s, u"--tube"_s, tube, u"--pdf"_s, pdf}).code,
             int(SidepCtl::Invalid)); // no result yet
    QCOMPARE(as(LabName, {u"result"_s, u"set"_s, u"--tube"_s, tube, u"--value"_s, u"N"_s}).code,
             int(SidepCtl::Success));
    Run run =
        as(NurseName, {u"slip"_s, u"--tube"_s, tube, u"--pdf"_s, pdf, u"--language"_s, u"en"_s});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.err));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    file.close();
    run = as(LabName, {u"slip"_s, u"--tube"_s, tube, u"--pdf"_s, pdf});
    QCOMPARE(run.code, int(SidepCtl::Invalid));
    QVERIFY(run.err.contains(u"reason"_s));
    run = as(LabName,
             {u"slip"_s, u"--tube"_s, tube, u"--pdf"_s, pdf, u"--reason"_s, u"printer jam"_s});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.err));
    QCOMPARE(
        as(LabName, {u"slip"_s, u"--tube"_s, tube, u"--pdf"_s, pdf, u"--language"_s, u"de"_s}).code,
        int(SidepCtl::Usage));
    const QStringList actions = auditActions();
    QVERIFY(actions.contains(u"slip.print"_s));
    QVERIFY(actions.contains(u"slip.reprint"_s));
}

QTEST_MAIN(TestSidepCtlResults)
#include "TestSidepCtlResults.moc"
