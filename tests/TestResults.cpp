#include "AuditLog.h"
#include "RecordStore.h"
#include "ResultStore.h"
#include "Store.h"
#include "TestSupport.h"

#include <QSignalSpy>
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
    void reportIsStoredEncryptedAndOpenedOnDemand();
    void positiveWithoutSecondEntryStaysUnvalidated();
    void sameUserTwiceDoesNotCount();
    void twoUsersAgreeingValidate();
    void disagreementIsReportedAndValidatesNothing();
    void secondCheckCanBeTurnedOff();
    void validatedResultIsNotEnteredAgain();
    void correctionKeepsHistoryAndMarksForResend();
    void cancellationNeedsReasonAndIsKept();
    void nurseCannotEnterResults();

private:
    QUuid addRecord(int index);
    ResultStore::Outcome enter(Store& store, const QUuid& id, const QString& value,
                               bool expectSuccess = true);

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
    QVERIFY(actions.contains(u"activation.pending"_s));
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
