// A record as `sidepctl record add` reads it (one JSON object or an array of them):
// SamplingRecord::fromJson, then RecordValidator::validate with and without the result
// fields required. Property: a record that passes every rule is written by toJson() in a
// form that reads back without problems, passes again, and is then written the same.

#include "FuzzSupport.h"
#include "RecordValidator.h"
#include "SamplingRecord.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

namespace {

// result.reportPdf may name a file relative to the JSON's folder: an empty one here.
QTemporaryDir* emptyFolder = nullptr;

RecordValidator::Options rules(bool requireResult)
{
    RecordValidator::Options options;
    // A fixed "now", so that an input behaves the same on every run.
    options.now = QDateTime(QDate(2021, 9, 1), QTime(12, 0), Qt::UTC);
    options.requireResult = requireResult;
    return options;
}

void check(const QJsonObject& json, bool requireResult)
{
    QList<Problem> problems;
    SamplingRecord record = SamplingRecord::fromJson(json, &problems, emptyFolder->path());
    problems += RecordValidator::validate(&record, rules(requireResult));
    // (The field may be empty: a JSON key may be "".)
    for (const Problem& problem : std::as_const(problems))
        FUZZ_CHECK(!problem.rule.isEmpty() && !problem.message.isEmpty());
    if (hasErrors(problems))
        return;

    const QJsonObject written = record.toJson();
    QList<Problem> again;
    SamplingRecord reread = SamplingRecord::fromJson(written, &again, emptyFolder->path());
    FUZZ_CHECK(!hasErrors(again));
    again += RecordValidator::validate(&reread, rules(requireResult));
    FUZZ_CHECK(!hasErrors(again));
    FUZZ_CHECK(reread.toJson() == written);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    FuzzSupport::prepareEnvironment();
    FuzzSupport::quietQt();
    FuzzSupport::application<QCoreApplication>();
    emptyFolder = new QTemporaryDir;
    FUZZ_CHECK(emptyFolder->isValid());
    std::atexit([] { delete emptyFolder; });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(FuzzSupport::bytes(data, size));
    const QJsonArray objects =
        document.isArray() ? document.array() : QJsonArray{document.object()};
    for (const QJsonValue& value : objects) {
        check(value.toObject(), false);
        check(value.toObject(), true);
    }
    return 0;
}
