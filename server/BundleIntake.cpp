#include "BundleIntake.h"

#include "FhirBundle.h"
#include "JsonText.h"
#include "Logging.h"
#include "PatientRegister.h"
#include "RecordValidator.h"
#include "SamplingRecord.h"
#include "ServerDatabase.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

// FHIR issue-type codes for our problem rules.
QString issueCode(const QString& rule)
{
    if (rule == u"required"_s)
        return u"required"_s;
    if (rule == u"duplicate"_s)
        return u"duplicate"_s;
    if (rule == u"code"_s)
        return u"code-invalid"_s;
    if (rule == u"type"_s || rule == u"format"_s || rule == u"reference"_s)
        return u"structure"_s;
    if (rule == u"site"_s)
        return u"forbidden"_s;
    if (rule == BundleIntake::VersionConflictRule)
        return u"conflict"_s;
    if (rule == u"too-costly"_s)
        return u"too-costly"_s;
    return u"business-rule"_s;
}

} // namespace

QString BundleIntake::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Accepted:
        return u"accepted"_s;
    case Outcome::AlreadyHad:
        return u"already had"_s;
    case Outcome::Rejected:
        return u"rejected"_s;
    case Outcome::Failed:
        return u"failed"_s;
    }
    return {};
}

QJsonObject BundleIntake::Result::toJson() const
{
    QJsonObject json{{u"outcome"_s, outcomeName(outcome)}, {u"status"_s, httpStatus}};
    if (!bundleId.isEmpty())
        json.insert(u"bundleId"_s, bundleId);
    if (version > 0)
        json.insert(u"version"_s, version);
    if (!operationOutcome.isEmpty())
        json.insert(u"operationOutcome"_s, operationOutcome);
    return json;
}

QJsonObject BundleIntake::operationOutcome(const QList<Problem>& problems)
{
    QJsonArray issues;
    qsizetype left = 0;
    for (const Problem& problem : problems) {
        if (problem.severity != Problem::Severity::Error)
            continue;
        if (issues.size() >= MaxIssues) {
            ++left;
            continue;
        }
        issues.append(QJsonObject{
            {u"severity"_s, u"error"_s},
            {u"code"_s, issueCode(problem.rule)},
            {u"diagnostics"_s,
             QString(problem.field + u": "_s + problem.rule + u": "_s + problem.message)},
            {u"expression"_s, QJsonArray{problem.field}},
        });
    }
    if (left > 0) {
        issues.append(QJsonObject{
            {u"severity"_s, u"error"_s},
            {u"code"_s, u"too-costly"_s},
            {u"diagnostics"_s, tr("%n more problem(s) not listed", nullptr, int(left))},
        });
    }
    return QJsonObject{{u"resourceType"_s, u"OperationOutcome"_s}, {u"issue"_s, issues}};
}

QJsonObject BundleIntake::operationOutcome(const QString& code, const QString& diagnostics,
                                           const QString& expression)
{
    QJsonObject issue{
        {u"severity"_s, u"error"_s}, {u"code"_s, code}, {u"diagnostics"_s, diagnostics}};
    if (!expression.isEmpty())
        issue.insert(u"expression"_s, QJsonArray{expression});
    return QJsonObject{{u"resourceType"_s, u"OperationOutcome"_s}, {u"issue"_s, QJsonArray{issue}}};
}

BundleIntake::Checked BundleIntake::check(const QJsonObject& bundle, const QString& site,
                                          QByteArrayView compactText)
{
    Checked checked;
    Result& result = checked.result;
    QUuid recordId;
    if (FhirBundle::recordVersion(bundle, &recordId, &result.version))
        result.bundleId = u"urn:uuid:"_s + recordId.toString(QUuid::WithoutBraces);

    // Not a record's Bundle: refused before a problem is made per entry.
    if (const QJsonValue entries = bundle.value(u"entry"_s);
        entries.isArray() && entries.toArray().size() > MaxEntries) {
        result.operationOutcome =
            operationOutcome({{Problem::Severity::Error, u"entry"_s, u"too-costly"_s,
                               tr("a Bundle has at most %1 entries").arg(MaxEntries)}});
        qCInfo(lcServer).noquote() << "a Bundle of" << entries.toArray().size()
                                   << "entries from site" << site << "rejected";
        return checked;
    }

    SamplingRecord record;
    QString recordSite;
    QList<Problem> problems;
    BundleOptions options;
    // Stored as it is once accepted; meanwhile it spares the reader a walk.
    QByteArray written;
    if (compactText.isNull()) {
        written = JsonText::compact(bundle);
        compactText = written;
    }
    const bool parsed =
        FhirBundle::parse(bundle, &record, &recordSite, &problems, &options, compactText);
    if (parsed) {
        RecordValidator::Options rules;
        // The R+ fields are required once a result travels with the record.
        rules.requireResult = !record.result.isEmpty();
        problems.append(RecordValidator::validate(&record, rules));
    }
    if (parsed && recordSite != site) {
        problems.append({Problem::Severity::Error, u"entry.resource.accessionIdentifier.assigner"_s,
                         u"site"_s,
                         tr("bundle from another site: the client certificate "
                            "names a different FINESS")});
    }
    checked.logId =
        record.id.isNull() ? u"(unreadable)"_s : record.id.toString(QUuid::WithoutBraces);
    if (!parsed || hasErrors(problems)) {
        result.outcome = Outcome::Rejected;
        result.httpStatus = 422;
        result.operationOutcome = operationOutcome(problems);
        qCInfo(lcServer).noquote() << "record" << checked.logId << "version" << result.version
                                   << "from site" << site << "rejected";
        return checked;
    }

    ServerDatabase::Row& row = checked.row;
    row.site = site;
    row.bundleId = record.id.toString(QUuid::WithoutBraces);
    row.version = record.version;
    result.version = record.version;
    row.status = !options.correction.isEmpty() ? options.correction
                 : record.result.isEmpty()     ? u"sampled"_s
                                               : u"resulted"_s;
    row.resultValue = record.result.value;
    row.bundle = QString::fromUtf8(compactText);
    if (!PatientRegister::rowFor(bundle, record, site, &checked.patient, &checked.patientError))
        checked.patient = {};
    checked.storable = true;
    return checked;
}

BundleIntake::Result BundleIntake::store(const Checked& checked, ServerDatabase* database)
{
    if (!checked.storable)
        return checked.result;
    Result result = checked.result;
    const ServerDatabase::Row& row = checked.row;
    const QString& logId = checked.logId;
    auto failed = [&](const char* what, const QString& error) {
        qCWarning(lcServer).noquote() << "record" << logId << what << error;
        result.outcome = Outcome::Failed;
        result.httpStatus = 503;
        result.operationOutcome =
            operationOutcome(u"transient"_s, tr("the server could not store the record"));
        return result;
    };

    // Only a version newer than the stored ones, or the same content again (a replay):
    // anything else (another content under a stored number, an older version arriving after
    // a newer one) is refused and nothing is stored.
    QString error;
    ServerDatabase::Insert inserted = ServerDatabase::Insert::Stored;
    int latest = 0;
    if (!database->insert(row, &inserted, &latest, &error))
        return failed("not stored:", error);
    if (inserted == ServerDatabase::Insert::Conflict) {
        result.outcome = Outcome::Rejected;
        result.httpStatus = 409;
        const QString message =
            tr("version %1 of this record is not newer than version %2 that the server holds, "
               "and is not what the server holds under that number: a change is sent as a "
               "new version, %3 or later")
                .arg(row.version)
                .arg(latest)
                .arg(latest + 1);
        result.operationOutcome = operationOutcome(
            {{Problem::Severity::Error, u"meta.extension"_s, VersionConflictRule, message}});
        // The operator's attention: a genuine replay is "already had", this is not.
        qCWarning(lcServer).noquote()
            << "CONFLICT: record" << logId << "version" << row.version << "from site" << row.site
            << "refused: the server holds version" << latest;
        return result;
    }
    if (inserted == ServerDatabase::Insert::Stored) {
        // A replay ("already had") changed nothing here when it was first stored.
        bool newest = false;
        if (!checked.patientError.isEmpty())
            return failed("Patient not kept:", checked.patientError);
        if (!PatientRegister(database).keep(checked.patient, &newest, &error))
            return failed("Patient not kept:", error);
        // The record id only: the identifier is the INS.
        qCInfo(lcServer).noquote()
            << "record" << logId << "version" << row.version
            << (newest ? "gives its Patient's details" : "stored; a newer sampling's Patient kept");
    }
    result.outcome =
        inserted == ServerDatabase::Insert::Stored ? Outcome::Accepted : Outcome::AlreadyHad;
    result.httpStatus = result.outcome == Outcome::Accepted ? 201 : 200;
    qCInfo(lcServer).noquote() << "record" << logId << "version" << row.version << "from site"
                               << row.site << outcomeName(result.outcome);
    return result;
}

BundleIntake::Result BundleIntake::receive(const QJsonObject& bundle, const QString& site,
                                           ServerDatabase* database)
{
    return store(check(bundle, site), database);
}
