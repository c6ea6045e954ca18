// The body of a POST /fhir as the reference server reads it: JSON, then one Bundle or
// {"bundles": [...]} in one transaction, each through BundleIntake::receive
// (FhirBundle::parse, the Annex 1 rules, the site check, activation codes, the store). The
// dispatch below is ReferenceServer::postFhir's, which needs an HTTP responder. Properties: a
// Bundle accepted once is "already had" the second time; a Bundle that parses into a valid record
// is written back by FhirBundle::fromRecord into one that parses into the same record.

#include "BundleIntake.h"
#include "FhirBundle.h"
#include "FuzzSupport.h"
#include "RecordValidator.h"
#include "ServerDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {

// The FINESS of the client certificate: the site of TestSupport's records.
const QString Site = u"750712184"_s;
QTemporaryDir* folder = nullptr;
ServerDatabase* database = nullptr;

void checkRoundTrip(const QJsonObject& bundle)
{
    SamplingRecord record;
    QString site;
    QList<Problem> problems;
    BundleOptions options;
    if (!FhirBundle::parse(bundle, &record, &site, &problems, &options))
        return;
    if (hasErrors(RecordValidator::validate(&record, {})))
        return;
    const QJsonObject written = FhirBundle::fromRecord(record, site, options);
    SamplingRecord reread;
    QString rereadSite;
    QList<Problem> rereadProblems;
    BundleOptions rereadOptions;
    FUZZ_CHECK(FhirBundle::parse(written, &reread, &rereadSite, &rereadProblems, &rereadOptions));
    FUZZ_CHECK(!hasErrors(rereadProblems));
    FUZZ_CHECK(!hasErrors(RecordValidator::validate(&reread, {})));
    FUZZ_CHECK(rereadSite == site);
    FUZZ_CHECK(rereadOptions.correction == options.correction);
    FUZZ_CHECK(reread.toJson() == record.toJson());
}

BundleIntake::Outcome receive(const QJsonObject& bundle)
{
    const BundleIntake::Result result = BundleIntake::receive(bundle, Site, database);
    switch (result.outcome) {
    case BundleIntake::Outcome::Rejected:
        // 409: another content under a stored version, or not the next version.
        FUZZ_CHECK(result.httpStatus == 422 || result.httpStatus == 409);
        FUZZ_CHECK(!result.operationOutcome.value(u"issue"_s).toArray().isEmpty());
        // However many problems, the answer lists a bounded number of them.
        FUZZ_CHECK(result.operationOutcome.value(u"issue"_s).toArray().size() <=
                   BundleIntake::MaxIssues + 1);
        break;
    case BundleIntake::Outcome::Failed:
        FUZZ_CHECK(result.httpStatus == 503);
        break;
    case BundleIntake::Outcome::Accepted: {
        // Idempotency: a resend (a lost answer) must never be stored twice.
        const BundleIntake::Result again = BundleIntake::receive(bundle, Site, database);
        FUZZ_CHECK(again.outcome == BundleIntake::Outcome::AlreadyHad);
        break;
    }
    case BundleIntake::Outcome::AlreadyHad:
        break;
    }
    FUZZ_CHECK(!result.toJson().isEmpty());
    checkRoundTrip(bundle);
    return result.outcome;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    FuzzSupport::prepareEnvironment();
    FuzzSupport::quietQt();
    FuzzSupport::application<QCoreApplication>();
    folder = new QTemporaryDir;
    FUZZ_CHECK(folder->isValid());
    database = new ServerDatabase;
    QString error;
    FUZZ_CHECK(database->open(u"sqlite://"_s + folder->filePath(u"server.sqlite"_s), &error));
    std::atexit([] {
        delete database;
        delete folder;
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(FuzzSupport::bytes(data, size), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return 0; // 400, before any of our parsing
    const QJsonObject body = document.object();
    if (!body.contains(u"bundles"_s)) {
        receive(body);
        return 0;
    }
    // A batch is stored in one transaction, all or nothing. (The server takes the Bundles
    // in the order of their identifiers, for the locks of two instances; the order makes no
    // difference to one.)
    QString error;
    FUZZ_CHECK(database->beginBatch(&error));
    bool failed = false;
    for (const QJsonValue& bundle : body.value(u"bundles"_s).toArray()) {
        if (bundle.isObject() && !failed)
            failed = receive(bundle.toObject()) == BundleIntake::Outcome::Failed;
    }
    if (failed || !database->commitBatch(&error))
        database->rollbackBatch();
    return 0;
}
