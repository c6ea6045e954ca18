#include "ActivationCodes.h"
#include "AuditLog.h"
#include "Outbox.h"
#include "RecordStore.h"
#include "ResultStore.h"
#include "Store.h"
#include "TestSupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

const QString SecondLab = u"lab2"_s;

QByteArray minimalPdf()
{
    return QByteArrayLiteral("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
}

bool hasProblem(const QList<Problem>& problems, const QString& field, const QString& rule)
{
    return std::any_of(problems.cbegin(), problems.cend(), [&](const Problem& problem) {
        return problem.field == field && problem.rule == rule;
    });
}

QStringList auditActions(Store& store, const QUuid& id)
{
    QStringList actions;
    for (const AuditLog::Entry& entry : store.auditLog()->entries(1, 100000)) {
        if (entry.recordId == id.toString(QUuid::WithoutBraces))
            actions.append(entry.action);
    }
    return actions;
}

// A batch of activation codes valid around now, as the national server would send it.
QByteArray codesCsv(int count)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QByteArray csv = "code_pour_qr,code_brut,validite_debut,validite_fin\n";
    for (int i = 0; i < count; ++i) {
        const QString code = QUuid::createUuid().toString(QUuid::WithoutBraces);
        csv += (code + u","_s + code + u","_s +
                now.addDays(-1).toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s) + u","_s +
                now.addDays(5).toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s) + u"\n"_s)
                   .toUtf8();
    }
    return csv;
}

// The record's versions queued for the national server, as "kind version".
QStringList queued(Store& store, const QUuid& id)
{
    QStringList versions;
    QString error;
    for (const Outbox::Entry& entry :
         Outbox(store).due(QDateTime::currentDateTimeUtc().addDays(1), 1000, {}, &error)) {
        if (entry.recordId == id.toString(QUuid::WithoutBraces))
            versions.append(Outbox::kindName(entry.kind) + u' ' + QString::number(entry.version));
    }
    return versions;
}

} // namespace

// Result entry by the lab: the rules of each value, the blind second check of positives,
// corrections kept as versions, and who may enter results.
class TestResults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void everyValueAndItsRules_data();
    void everyValueAndItsRules();
    void reportFileReadIsBounded();
    void reportIsStoredEncryptedAndOpenedOnDemand();
    void positiveWithoutSecondEntryStaysUnvalidated();
    void sameUserTwiceDoesNotCount();
    void twoUsersAgreeingValidate();
    void disagreementIsReportedAndValidatesNothing();
    void secondCheckCanBeTurnedOff();
    void validatedResultIsNotEnteredAgain();
    void correctionKeepsHistoryAndMarksForResend();
    void cancellationNeedsReasonAndIsKept();
    void correctionToPositiveNeedsASecondUser();
    void disagreeingCorrectionIsAMismatch();
    void correctionFromPositiveIsValidatedAtOnce_data();
    void correctionFromPositiveIsValidatedAtOnce();
    void nurseCannotEnterResults();

private:
    QUuid addRecord(int index);
    ResultStore::Outcome enter(Store& store, const QUuid& id, const QString& value,
                               bool expectSuccess = true);
    ResultStore::Outcome correct(Store& store, const QUuid& id, const QString& value,
                                 const QString& reason,
                                 const QString& analysis = ResultStore::DefaultAnalysis);

    std::unique_ptr<StoreFixture> m_fixture;
    std::unique_ptr<Store> m_lab;
    std::unique_ptr<Store> m_lab2;
};

void TestResults::init()
{
    m_fixture = std::make_unique<StoreFixture>();
    QVERIFY(m_fixture->isValid());
    auto admin = m_fixture->openAs(AdminName);
    QVERIFY(admin);
    QString error;
    QVERIFY2(admin->addUser(SecondLab, Role::Lab, password(), &error), qPrintable(error));
    m_lab = m_fixture->openAs(LabName);
    m_lab2 = m_fixture->openAs(SecondLab);
    QVERIFY(m_lab && m_lab2);
}

void TestResults::cleanup()
{
    m_lab.reset();
    m_lab2.reset();
    m_fixture.reset();
}

QUuid TestResults::addRecord(int index)
{
    auto nurse = m_fixture->openAs(NurseName);
    if (!nurse)
        return {};
    SamplingRecord record = validRecord(index);
    // Sampled an hour ago, so that a result validated now is after the sampling.
    record.specimen.collectedAt =
        QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate);
    QList<Problem> problems;
    QString error;
    if (!nurse->records()->add(&record, {}, &problems, &error))
        qWarning("cannot add a record: %s", qPrintable(error));
    return record.id;
}

ResultStore::Outcome TestResults::enter(Store& store, const QUuid& id, const QString& value,
                                        bool expectSuccess)
{
    ResultStore results(store);
    ResultStore::Entry entry;
    entry.value = value;
    ResultStore::Outcome outcome = ResultStore::Outcome::Mismatch;
    QList<Problem> problems;
    QString error;
    const bool done = results.enter(id, entry, &outcome, &problems, &error);
    if (done != expectSuccess)
        qWarning("enter %s: %s", qPrintable(value), qPrintable(error));
    return outcome;
}

ResultStore::Outcome TestResults::correct(Store& store, const QUuid& id, const QString& value,
                                          const QString& reason, const QString& analysis)
{
    ResultStore results(store);
    ResultStore::Entry entry;
    entry.value = value;
    entry.analysis = analysis;
    if (value == u"X"_s)
        entry.nonConformity = u"tube leaked"_s;
    // Not a possible outcome of a failed call: a failure shows as a wrong outcome.
    ResultStore::Outcome outcome = ResultStore::Outcome::Mismatch;
    QList<Problem> problems;
    QString error;
    if (!results.correct(id, entry, reason, &outcome, &problems, &error)) {
        qWarning("correct to %s: %s", qPrintable(value), qPrintable(error));
        return ResultStore::Outcome::Mismatch;
    }
    return outcome;
}

void TestResults::everyValueAndItsRules_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("analysis");
    QTest::addColumn<int>("validatedOffsetSeconds"); // from now; 0 leaves it empty (now)
    QTest::addColumn<QString>("nonConformity");
    QTest::addColumn<QByteArray>("report");
    QTest::addColumn<QString>("field"); // the problem expected; empty when it validates
    QTest::addColumn<QString>("rule");

    const QByteArray none;
    QTest::newRow("N validates") << u"N"_s << QString() << 0 << QString() << none << QString()
                                 << QString();
    QTest::newRow("I validates") << u"I"_s << QString() << 0 << QString() << none << QString()
                                 << QString();
    QTest::newRow("lower-case n") << u"n"_s << QString() << 0 << QString() << none << QString()
                                  << QString();
    QTest::newRow("X with a reason")
        << u"X"_s << QString() << 0 << u"tube broken"_s << none << QString() << QString();
    QTest::newRow("X without a reason") << u"X"_s << QString() << 0 << QString() << none
                                        << u"result.nonConformity"_s << u"required"_s;
    QTest::newRow("unknown value")
        << u"Z"_s << QString() << 0 << QString() << none << u"result.value"_s << QString();
    QTest::newRow("no value") << QString() << QString() << 0 << QString() << none
                              << u"result.value"_s << u"required"_s;
    QTest::newRow("rapid antigen")
        << u"N"_s << u"94558-4"_s << 0 << QString() << none << QString() << QString();
    QTest::newRow("LOINC with a wrong check digit")
        << u"N"_s << u"94500-7"_s << 0 << QString() << none << u"result.analysis"_s << QString();
    QTest::newRow("validated before sampling")
        << u"N"_s << QString() << -7200 << QString() << none << u"result.validatedAt"_s
        << u"validatedAt.beforeSampling"_s;
    QTest::newRow("validated in the future")
        << u"N"_s << QString() << 3600 << QString() << none << u"result.validatedAt"_s << QString();
    QTest::newRow("validated half an hour ago")
        << u"N"_s << QString() << -1800 << QString() << none << QString() << QString();
    QTest::newRow("report is not a PDF")
        << u"N"_s << QString() << 0 << QString() << QByteArray("<html>") << u"result.reportPdf"_s
        << u"report.pdf"_s;
    QTest::newRow("report over 10 MiB")
        << u"N"_s << QString() << 0 << QString()
        << QByteArray(minimalPdf() + QByteArray(10 * 1024 * 1024, ' ')) << u"result.reportPdf"_s
        << u"report.size"_s;
}

void TestResults::reportFileReadIsBounded()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"report.pdf"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(minimalPdf());
    file.close();

    QByteArray report;
    QString error;
    QVERIFY2(ResultStore::readReportFile(path, &report, &error), qPrintable(error));
    QCOMPARE(report, minimalPdf());

    // A device claims to be empty and never ends: one byte more than allowed is read, which
    // the size rule then refuses (reading it whole took 2 GiB and aborted).
    QVERIFY2(ResultStore::readReportFile(u"/dev/zero"_s, &report, &error), qPrintable(error));
    QCOMPARE(report.size(), ResultStore::MaxReportSize + 1);
    ResultStore::Entry entry;
    entry.value = u"N"_s;
    entry.reportPdf = report;
    ResultStore results(*m_lab);
    ResultStore::Outcome outcome;
    QList<Problem> problems;
    QVERIFY(!results.enter(addRecord(1), entry, &outcome, &problems, &error));
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems[0].field, u"result.reportPdf"_s);

    QVERIFY(!ResultStore::readReportFile(dir.filePath(u"missing.pdf"_s), &report, &error));
    QVERIFY(error.contains(u"missing.pdf"_s));
}

void TestResults::everyValueAndItsRules()
{
    QFETCH(QString, value);
    QFETCH(QString, analysis);
    QFETCH(int, validatedOffsetSeconds);
    QFETCH(QString, nonConformity);
    QFETCH(QByteArray, report);
    QFETCH(QString, field);
    QFETCH(QString, rule);

    const QUuid id = addRecord(1);
    QVERIFY(!id.isNull());
    ResultStore results(*m_lab);
    ResultStore::Entry entry;
    entry.value = value;
    entry.analysis = analysis;
    entry.nonConformity = nonConformity;
    entry.reportPdf = report;
    if (validatedOffsetSeconds != 0) {
        entry.validatedAt = QDateTime::currentDateTimeUtc()
                                .addSecs(validatedOffsetSeconds)
                                .toOffsetFromUtc(3600)
                                .toString(Qt::ISODate);
    }
    ResultStore::Outcome outcome = ResultStore::Outcome::Mismatch;
    QList<Problem> problems;
    QString error;
    const bool done = results.enter(id, entry, &outcome, &problems, &error);
    ResultStore::Current current;
    QVERIFY2(results.current(id, &current, &error), qPrintable(error));
    if (field.isEmpty()) {
        QVERIFY2(done, qPrintable(error));
        QCOMPARE(outcome, ResultStore::Outcome::Validated);
        QCOMPARE(current.status, RecordStatus::Resulted);
        QCOMPARE(current.result.value, value.toUpper());
        QCOMPARE(current.result.analysis,
                 analysis.isEmpty() ? ResultStore::DefaultAnalysis : analysis);
        QVERIFY(!current.result.validatedAt.isEmpty());
        QVERIFY(current.isValidated());
        QVERIFY(current.activation.code.isEmpty());
    } else {
        QVERIFY(!done);
        QVERIFY2(std::any_of(problems.cbegin(), problems.cend(),
                             [&](const Problem& problem) {
                                 return problem.field == field &&
                                        (rule.isEmpty() || problem.rule == rule);
                             }),
                 qPrintable(field + u" "_s + rule));
        QCOMPARE(current.status, RecordStatus::Sampled);
        QVERIFY(current.result.isEmpty());
    }
}

void TestResults::reportIsStoredEncryptedAndOpenedOnDemand()
{
    const QUuid id = addRecord(2);
    ResultStore results(*m_lab);
    ResultStore::Entry entry;
    entry.value = u"N"_s;
    entry.reportPdf = minimalPdf();
    ResultStore::Outcome outcome;
    QList<Problem> problems;
    QString error;
    QVERIFY2(results.enter(id, entry, &outcome, &problems, &error), qPrintable(error));
    QByteArray pdf;
    QVERIFY2(results.report(id, &pdf, &error), qPrintable(error));
    QCOMPARE(pdf, minimalPdf());
    QVERIFY(auditActions(*m_lab, id).contains(u"result.report.open"_s));
    // Sealed in the record's report column, like the other blocks.
    QFile file(m_fixture->path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("1 0 obj << >> endobj"));
}

void TestResults::positiveWithoutSecondEntryStaysUnvalidated()
{
    const QUuid id = addRecord(3);
    ResultStore results(*m_lab);
    QSignalSpy pending(&results, &ResultStore::entryPending);
    ResultStore::Entry entry;
    entry.value = u"P"_s;
    ResultStore::Outcome outcome;
    QList<Problem> problems;
    QString error;
    QVERIFY2(results.enter(id, entry, &outcome, &problems, &error), qPrintable(error));
    QCOMPARE(outcome, ResultStore::Outcome::AwaitingSecondEntry);
    QCOMPARE(pending.count(), 1);
    ResultStore::Current current;
    QVERIFY(results.current(id, &current, &error));
    QCOMPARE(current.status, RecordStatus::Sampled);
    QVERIFY(current.result.isEmpty()); // the pending entry is not the record's result
    // The second user sees that an entry waits, not what it says.
    ResultStore other(*m_lab2);
    ResultStore::PendingState state;
    QVERIFY(other.pendingState(id, &state, &error));
    QCOMPARE(state.entries, 1);
    QVERIFY(!state.enteredByMe);
    QVERIFY(!state.mismatch);
    QCOMPARE(state.enteredBy, QStringList{LabName});
    QVERIFY(auditActions(*m_lab, id).contains(u"result.firstEntry"_s));
}

void TestResults::sameUserTwiceDoesNotCount()
{
    const QUuid id = addRecord(4);
    QCOMPARE(enter(*m_lab, id, u"P"_s), ResultStore::Outcome::AwaitingSecondEntry);
    QCOMPARE(enter(*m_lab, id, u"P"_s), ResultStore::Outcome::AwaitingSecondEntry);
    ResultStore results(*m_lab);
    ResultStore::PendingState state;
    QString error;
    QVERIFY(results.pendingState(id, &state, &error));
    QCOMPARE(state.entries, 1);
    QVERIFY(state.enteredByMe);
    ResultStore::Current current;
    QVERIFY(results.current(id, &current, &error));
    QCOMPARE(current.status, RecordStatus::Sampled);
}

void TestResults::twoUsersAgreeingValidate()
{
    const QUuid id = addRecord(5);
    QCOMPARE(enter(*m_lab, id, u"P"_s), ResultStore::Outcome::AwaitingSecondEntry);
    ResultStore second(*m_lab2);
    QSignalSpy validated(&second, &ResultStore::resultValidated);
    QSignalSpy missing(&second, &ResultStore::activationCodeMissing);
    ResultStore::Entry entry;
    entry.value = u"p"_s;
    ResultStore::Outcome outcome;
    QList<Problem> problems;
    QString error;
    QVERIFY2(second.enter(id, entry, &outcome, &problems, &error), qPrintable(error));
    QCOMPARE(outcome, ResultStore::Outcome::Validated);
    QCOMPARE(validated.count(), 1);
    QCOMPARE(missing.count(), 1); // the pool is empty in this test
    ResultStore::Current current;
    QVERIFY(second.current(id, &current, &error));
    QCOMPARE(current.status, RecordStatus::Resulted);
    QVERIFY(current.isValidatedPositive());
    QVERIFY(current.awaitingActivationCode);
    ResultStore::PendingState state;
    QVERIFY(second.pendingState(id, &state, &error));
    QCOMPARE(state.entries, 0);
    const QStringList actions = auditActions(*m_lab2, id);
    QVERIFY(actions.contains(u"result.validate"_s));
    QVERIFY(actions.contains(u"result.secondEntry"_s));
    // The validation's own (sealed) entry says the code is pending: no separate entry that
    // would tell a positive from a negative by the number of entries.
    bool pendingNoted = false;
    for (const AuditLog::Entry& logged : m_lab2->auditLog()->entries(1, 100000)) {
        if (logged.recordId == id.toString(QUuid::WithoutBraces) &&
            logged.action == u"result.validate"_s) {
            QVERIFY(logged.sealed);
            pendingNoted = logged.detail.contains(u"activation code pending"_s);
        }
    }
    QVERIFY(pendingNoted);
}

void TestResults::disagreementIsReportedAndValidatesNothing()
{
    const QUuid id = addRecord(6);
    QCOMPARE(enter(*m_lab, id, u"P"_s), ResultStore::Outcome::AwaitingSecondEntry);
    ResultStore second(*m_lab2);
    QSignalSpy disagree(&second, &ResultStore::entriesDisagree);
    ResultStore::Entry entry;
    entry.value = u"N"_s; // a negative alone would validate: not against a pending positive
    ResultStore::Outcome outcome;
    QList<Problem> problems;
    QString error;
    QVERIFY2(second.enter(id, entry, &outcome, &problems, &error), qPrintable(error));
    QCOMPARE(outcome, ResultStore::Outcome::Mismatch);
    QCOMPARE(disagree.count(), 1);
    ResultStore::Current current;
    QVERIFY(second.current(id, &current, &error));
    QCOMPARE(current.status, RecordStatus::Sampled);
    QVERIFY(current.result.isEmpty());
    // Both users are told.
    for (Store* store : {m_lab.get(), m_lab2.get()}) {
        ResultStore results(*store);
        ResultStore::PendingState state;
        QVERIFY(results.pendingState(id, &state, &error));
        QVERIFY(state.mismatch);
        QVERIFY(state.enteredByMe);
        QCOMPARE(state.entries, 2);
    }
    QVERIFY(auditActions(*m_lab, id).contains(u"result.mismatch"_s));
    // A different analysis with the same value is still a disagreement.
    entry.value = u"P"_s;
    entry.analysis = ResultStore::RapidAntigenAnalysis;
    QVERIFY(second.enter(id, entry, &outcome, &problems, &error));
    QCOMPARE(outcome, ResultStore::Outcome::Mismatch);
    // The second user re-checks and enters what the first did: now they agree.
    entry.analysis.clear();
    QVERIFY(second.enter(id, entry, &outcome, &problems, &error));
    QCOMPARE(outcome, ResultStore::Outcome::Validated);
    QVERIFY(second.current(id, &current, &error));
    QVERIFY(current.isValidatedPositive());
}

void TestResults::secondCheckCanBeTurnedOff()
{
    auto admin = m_fixture->openAs(AdminName);
    QString error;
    QVERIFY(admin->setSetting(ResultStore::SecondCheckSetting, u"off"_s, &error));
    const QUuid id = addRecord(7);
    QCOMPARE(enter(*m_lab, id, u"P"_s), ResultStore::Outcome::Validated);
}

void TestResults::validatedResultIsNotEnteredAgain()
{
    const QUuid id = addRecord(8);
    QCOMPARE(enter(*m_lab, id, u"N"_s), ResultStore::Outcome::Validated);
    ResultStore results(*m_lab2);
    ResultStore::Entry entry;
    entry.value = u"I"_s;
    ResultStore::Outcome outcome;
    QList<Problem> problems;
    QString error;
    QVERIFY(!results.enter(id, entry, &outcome, &problems, &error));
    QVERIFY(error.contains(u"correction"_s));
}

void TestResults::correctionKeepsHistoryAndMarksForResend()
{
    const QUuid id = addRecord(9);
    QCOMPARE(enter(*m_lab, id, u"N"_s), ResultStore::Outcome::Validated);
    ResultStore results(*m_lab2);
    ResultStore::Entry entry;
    entry.value = u"I"_s;
    QList<Problem> problems;
    QString error;
    QVERIFY(!results.correct(id, entry, u"  "_s, &problems, &error));
    QVERIFY(hasProblem(problems, u"reason"_s, u"required"_s));
    entry.value = u"Z"_s;
    QVERIFY(!results.correct(id, entry, u"typo"_s, &problems, &error));
    QVERIFY(hasProblem(problems, u"result.value"_s, u"value.oneOf"_s) || hasErrors(problems));

    QSignalSpy corrected(&results, &ResultStore::resultCorrected);
    entry.value = u"I"_s;
    const QString reason = u"wrong rack position for Mme Example"_s;
    QVERIFY2(results.correct(id, entry, reason, &problems, &error), qPrintable(error));
    QCOMPARE(corrected.count(), 1);
    ResultStore::Current current;
    QVERIFY(results.current(id, &current, &error));
    QCOMPARE(current.version, 3); // registration 1, result 2, correction 3
    QCOMPARE(current.correction, u"corrected"_s);
    QCOMPARE(current.status, RecordStatus::Resulted); // to be sent again
    QCOMPARE(current.result.value, u"I"_s);

    QList<ResultStore::Version> versions;
    QVERIFY2(results.history(id, &versions, &error), qPrintable(error));
    QCOMPARE(versions.size(), 1);
    QCOMPARE(versions.first().version, 2);
    QCOMPARE(versions.first().kind, u"correction"_s);
    QCOMPARE(versions.first().result.value, u"N"_s);
    QCOMPARE(versions.first().reason, reason);
    QCOMPARE(versions.first().replacedBy, SecondLab);

    // The reason is in the audit log's encrypted note, never in its clear detail, and not
    // in clear anywhere in the file.
    bool audited = false;
    for (const AuditLog::Entry& each : m_lab->auditLog()->entries(1, 100000)) {
        QVERIFY(!each.detail.contains(u"Example"_s));
        if (each.action == u"result.correct"_s) {
            audited = true;
            QCOMPARE(each.note, reason);
        }
    }
    QVERIFY(audited);
    QFile file(m_fixture->path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("Mme Example"));
}

void TestResults::cancellationNeedsReasonAndIsKept()
{
    const QUuid id = addRecord(10);
    QCOMPARE(enter(*m_lab, id, u"N"_s), ResultStore::Outcome::Validated);
    ResultStore results(*m_lab);
    QString error;
    QVERIFY(!results.cancel(id, {}, &error));
    QVERIFY2(results.cancel(id, u"wrong patient"_s, &error), qPrintable(error));
    ResultStore::Current current;
    QVERIFY(results.current(id, &current, &error));
    QCOMPARE(current.version, 3);
    QCOMPARE(current.correction, u"entered-in-error"_s);
    QVERIFY(!current.isValidated());
    QVERIFY(!results.cancel(id, u"again"_s, &error));
    // A slip for a cancelled result is refused.
    ResultStore::SlipContent slip;
    QVERIFY(!results.slip(id, {}, &slip, &error));
    // A later correction brings a result back, as version 4.
    ResultStore::Entry entry;
    entry.value = u"N"_s;
    QList<Problem> problems;
    QVERIFY2(results.correct(id, entry, u"right patient after all"_s, &problems, &error),
             qPrintable(error));
    QList<ResultStore::Version> versions;
    QVERIFY(results.history(id, &versions, &error));
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions.at(1).kind, u"correction"_s);
    QVERIFY(versions.at(1).result.isEmpty());
    QVERIFY(results.current(id, &current, &error));
    QCOMPARE(current.version, 4);
    QCOMPARE(current.correction, u"corrected"_s);
}

void TestResults::correctionToPositiveNeedsASecondUser()
{
    const QUuid id = addRecord(12);
    QCOMPARE(enter(*m_lab, id, u"N"_s), ResultStore::Outcome::Validated);
    // Codes in the pool: a validated positive would take one at once.
    QString error;
    ActivationCodes::ImportReport imported;
    QVERIFY2(ActivationCodes(*m_lab).importCsv(codesCsv(2), u"codes.csv"_s, {}, &imported, &error),
             qPrintable(error));
    QCOMPARE(imported.imported, 2);
    const QStringList queuedBefore = queued(*m_lab, id);
    QCOMPARE(queuedBefore, (QStringList{u"registration 1"_s, u"result 2"_s}));

    ResultStore first(*m_lab);
    QSignalSpy pending(&first, &ResultStore::entryPending);
    QSignalSpy corrected(&first, &ResultStore::resultCorrected);
    const QString firstReason = u"misread the curve"_s;
    ResultStore::Entry entry;
    entry.value = u"P"_s;
    ResultStore::Outcome outcome = ResultStore::Outcome::Validated;
    QList<Problem> problems;
    QVERIFY2(first.correct(id, entry, firstReason, &outcome, &problems, &error), qPrintable(error));
    QCOMPARE(outcome, ResultStore::Outcome::AwaitingSecondEntry);
    QCOMPARE(pending.count(), 1);
    QCOMPARE(corrected.count(), 0);
    // The same user again does not count.
    QCOMPARE(correct(*m_lab, id, u"P"_s, u"sure of it"_s),
             ResultStore::Outcome::AwaitingSecondEntry);

    // Nothing changed yet: the negative, its version, no code, nothing more queued.
    ResultStore::Current current;
    QVERIFY(first.current(id, &current, &error));
    QCOMPARE(current.result.value, u"N"_s);
    QCOMPARE(current.version, 2);
    QVERIFY(current.correction.isEmpty());
    QVERIFY(current.activation.code.isEmpty());
    QVERIFY(!current.awaitingActivationCode);
    QCOMPARE(ActivationCodes(*m_lab).status(1, &error).used, 0);
    QCOMPARE(queued(*m_lab, id), queuedBefore);
    QList<ResultStore::Version> versions;
    QVERIFY(first.history(id, &versions, &error));
    QVERIFY(versions.isEmpty());
    // The second user sees that a correction waits, not what it says.
    ResultStore second(*m_lab2);
    ResultStore::PendingState state;
    QVERIFY(second.pendingState(id, &state, &error));
    QCOMPARE(state.entries, 1);
    QVERIFY(!state.enteredByMe);
    QVERIFY(!state.mismatch);
    QVERIFY(auditActions(*m_lab, id).contains(u"result.correction.firstEntry"_s));

    // A second user's blind, agreeing correction validates it, with a reason of their own.
    QSignalSpy secondCorrected(&second, &ResultStore::resultCorrected);
    const QString secondReason = u"re-read the plate"_s;
    entry.value = u"p"_s;
    QVERIFY2(second.correct(id, entry, secondReason, &outcome, &problems, &error),
             qPrintable(error));
    QCOMPARE(outcome, ResultStore::Outcome::Validated);
    QCOMPARE(secondCorrected.count(), 1);
    QVERIFY(second.current(id, &current, &error));
    QCOMPARE(current.version, 3);
    QCOMPARE(current.correction, u"corrected"_s);
    QVERIFY(current.isValidatedPositive());
    QVERIFY(!current.activation.code.isEmpty());
    QCOMPARE(ActivationCodes(*m_lab).status(1, &error).used, 1);
    QCOMPARE(queued(*m_lab, id), queuedBefore + QStringList{u"correction 3"_s});
    QVERIFY(second.pendingState(id, &state, &error));
    QCOMPARE(state.entries, 0);
    // The version keeps the first user's reason (the one that was re-entered last), the
    // audit log both.
    QVERIFY(second.history(id, &versions, &error));
    QCOMPARE(versions.size(), 1);
    QCOMPARE(versions.first().result.value, u"N"_s);
    QCOMPARE(versions.first().reason, u"sure of it"_s);
    QCOMPARE(versions.first().replacedBy, SecondLab);
    QStringList notes;
    for (const AuditLog::Entry& each : m_lab->auditLog()->entries(1, 100000)) {
        if (each.recordId == id.toString(QUuid::WithoutBraces))
            notes.append(each.action + u": "_s + each.note);
    }
    QVERIFY2(notes.contains(u"result.correct: sure of it"_s), qPrintable(notes.join(u'\n')));
    QVERIFY2(notes.contains(u"result.secondEntry: re-read the plate"_s),
             qPrintable(notes.join(u'\n')));
    QVERIFY2(notes.contains(u"result.correction.firstEntry: "_s + firstReason),
             qPrintable(notes.join(u'\n')));
}

void TestResults::disagreeingCorrectionIsAMismatch()
{
    const QUuid id = addRecord(13);
    QCOMPARE(enter(*m_lab, id, u"N"_s), ResultStore::Outcome::Validated);
    QCOMPARE(correct(*m_lab, id, u"P"_s, u"misread"_s), ResultStore::Outcome::AwaitingSecondEntry);
    ResultStore second(*m_lab2);
    QSignalSpy disagree(&second, &ResultStore::entriesDisagree);
    // An uninterpretable alone would be corrected at once: not against a pending correction.
    ResultStore::Entry entry;
    entry.value = u"I"_s;
    ResultStore::Outcome outcome = ResultStore::Outcome::Validated;
    QList<Problem> problems;
    QString error;
    QVERIFY2(second.correct(id, entry, u"looks uninterpretable"_s, &outcome, &problems, &error),
             qPrintable(error));
    QCOMPARE(outcome, ResultStore::Outcome::Mismatch);
    QCOMPARE(disagree.count(), 1);
    // The same value on another analysis disagrees too.
    QCOMPARE(correct(*m_lab2, id, u"P"_s, u"misread"_s, ResultStore::RapidAntigenAnalysis),
             ResultStore::Outcome::Mismatch);
    ResultStore::Current current;
    QVERIFY(second.current(id, &current, &error));
    QCOMPARE(current.result.value, u"N"_s);
    QCOMPARE(current.version, 2);
    QCOMPARE(queued(*m_lab, id), (QStringList{u"registration 1"_s, u"result 2"_s}));
    for (Store* store : {m_lab.get(), m_lab2.get()}) {
        ResultStore results(*store);
        ResultStore::PendingState state;
        QVERIFY(results.pendingState(id, &state, &error));
        QVERIFY(state.mismatch);
        QVERIFY(state.enteredByMe);
        QCOMPARE(state.entries, 2);
    }
    QVERIFY(auditActions(*m_lab, id).contains(u"result.mismatch"_s));
    // The second user re-checks and agrees: now it is validated.
    QCOMPARE(correct(*m_lab2, id, u"P"_s, u"misread"_s), ResultStore::Outcome::Validated);
    QVERIFY(second.current(id, &current, &error));
    QVERIFY(current.isValidatedPositive());
    QCOMPARE(current.version, 3);
}

void TestResults::correctionFromPositiveIsValidatedAtOnce_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("negative") << u"N"_s;
    QTest::newRow("uninterpretable") << u"I"_s;
    QTest::newRow("non-conforming") << u"X"_s;
}

void TestResults::correctionFromPositiveIsValidatedAtOnce()
{
    QFETCH(QString, value);
    const QUuid id = addRecord(14);
    QCOMPARE(enter(*m_lab, id, u"P"_s), ResultStore::Outcome::AwaitingSecondEntry);
    QCOMPARE(enter(*m_lab2, id, u"P"_s), ResultStore::Outcome::Validated);
    QCOMPARE(correct(*m_lab, id, value, u"wrong tube"_s), ResultStore::Outcome::Validated);
    ResultStore results(*m_lab);
    ResultStore::Current current;
    QString error;
    QVERIFY(results.current(id, &current, &error));
    QCOMPARE(current.result.value, value);
    QCOMPARE(current.version, 3);
    QCOMPARE(current.correction, u"corrected"_s);
    QCOMPARE(queued(*m_lab, id),
             (QStringList{u"registration 1"_s, u"result 2"_s, u"correction 3"_s}));
}

void TestResults::nurseCannotEnterResults()
{
    const QUuid id = addRecord(11);
    auto nurse = m_fixture->openAs(NurseName);
    ResultStore results(*nurse);
    ResultStore::Entry entry;
    entry.value = u"N"_s;
    ResultStore::Outcome outcome;
    QList<Problem> problems;
    QString error;
    QVERIFY(!results.enter(id, entry, &outcome, &problems, &error));
    QVERIFY(error.contains(u"nurse"_s));
    QVERIFY(!results.correct(id, entry, u"reason"_s, &problems, &error));
    QVERIFY(!results.cancel(id, u"reason"_s, &error));
    auto admin = m_fixture->openAs(AdminName);
    ResultStore asAdmin(*admin);
    QVERIFY(!asAdmin.enter(id, entry, &outcome, &problems, &error));
}

QTEST_GUILESS_MAIN(TestResults)
#include "TestResults.moc"
