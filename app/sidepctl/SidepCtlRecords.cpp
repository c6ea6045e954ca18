// sidepctl record ...: adding, listing, showing and exporting sampling records, and purging
// those the national server has had for longer than the retention window.

#include "RecordPurge.h"
#include "RecordStore.h"
#include "RecordValidator.h"
#include "SidepCtl.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {
// An import file of 60,000 records fits; a device that never ends does not exhaust memory.
constexpr qint64 MaxImportBytes = 64 * 1024 * 1024;
} // namespace

int SidepCtl::checkRecord(const CommandArguments& args)
{
    if (action() == u"add"_s && args.positional().size() > 1)
        return usage(tr("record add takes one file"));
    if (action() == u"purge"_s && !args.positional().isEmpty())
        return usage(tr("record purge takes no argument"));
    if (action() == u"list"_s && args.has(u"status"_s) &&
        !recordStatusFromName(args.value(u"status"_s))) {
        return usage(tr("unknown status '%1'").arg(args.value(u"status"_s)));
    }
    if (action() == u"show"_s || action() == u"export"_s) {
        if (args.positional(0).isEmpty() == args.value(u"tube"_s).isEmpty())
            return usage(tr("give a record id or --tube LABEL"));
        if (args.has(u"format"_s) && args.value(u"format"_s) != u"json"_s)
            return usage(tr("the only export format is json"));
    }
    return Success;
}

int SidepCtl::recordPurge(const CommandArguments& args)
{
    // Any account may run it: it erases only what the administrator's retention window
    // says must go, and shows nothing.
    RecordPurge purge(m_store);
    RecordPurge::Report report;
    QString error;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool dryRun = args.flag(u"dry-run"_s);
    if (!(dryRun ? purge.countDue(now, &report, &error) : purge.purgeDue(now, &report, &error))) {
        return fail(StoreError, error);
    }
    const QString before = report.acknowledgedBefore.toString(Qt::ISODate);
    if (dryRun) {
        m_out << tr("%n record(s) would be erased (acknowledged by the national server "
                    "before %1; retention %2 days)",
                    nullptr, report.records)
                     .arg(before)
                     .arg(report.retentionDays)
              << Qt::endl
              << tr("%n draft(s) would be erased", nullptr, report.drafts) << Qt::endl;
        return Success;
    }
    m_out << tr("%n record(s) erased (acknowledged by the national server before %1; "
                "retention %2 days)",
                nullptr, report.records)
                 .arg(before)
                 .arg(report.retentionDays)
          << Qt::endl
          << tr("%n draft(s) erased", nullptr, report.drafts) << Qt::endl;
    if (!report.journalEmptied) {
        m_err << tr("sidepctl: warning: another program is reading the store, so its "
                    "journal still holds erased pages; the next purge empties it")
              << Qt::endl;
    }
    return Success;
}

int SidepCtl::recordAdd(const CommandArguments& args)
{
    const QString source = args.positional(0);
    QString error;

    // The JSON comes from the file, or from what follows the password on standard input.
    QByteArray json;
    QString baseDir;
    if (source.isEmpty() || source == u"-"_s) {
        json = m_input->readAll();
    } else {
        QFile file(source);
        if (!file.open(QIODevice::ReadOnly))
            return fail(NotFound, tr("cannot read %1: %2").arg(source, file.errorString()));
        // Read at most one byte past the limit, whatever the file claims to hold.
        json = file.read(MaxImportBytes + 1);
        if (json.size() > MaxImportBytes)
            return fail(Invalid, tr("%1: an import file holds at most %2 MiB; split it")
                                     .arg(source)
                                     .arg(MaxImportBytes / (1024 * 1024)));
        baseDir = QFileInfo(source).absolutePath();
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(Invalid, tr("the input is not JSON: %1 at offset %2")
                                 .arg(parseError.errorString())
                                 .arg(parseError.offset));
    }
    // One record (an object) or a batch (an array), saved all together or not at all.
    QJsonArray objects = document.isArray() ? document.array() : QJsonArray{document.object()};
    if (!document.isArray() && !document.isObject())
        return fail(Invalid, tr("the input must be a JSON object or an array of objects"));

    QList<SamplingRecord> records;
    QList<QList<Problem>> readProblems;
    for (const QJsonValue& value : std::as_const(objects)) {
        QList<Problem> problems;
        if (!value.isObject()) {
            problems.append(
                {Problem::Severity::Error, u"(record)"_s, u"type"_s, tr("must be a JSON object")});
        }
        records.append(SamplingRecord::fromJson(value.toObject(), &problems, baseDir));
        readProblems.append(problems);
    }

    RecordStore::SaveOptions options;
    options.acceptWarnings = args.flag(u"accept-warnings"_s);
    options.identityOverrideReason = args.value(u"identity-override"_s);
    QList<QList<Problem>> problems;
    bool saved = false;
    const bool readCleanly = std::none_of(readProblems.cbegin(), readProblems.cend(), &hasErrors);
    if (readCleanly) {
        saved = m_store.records()->add(&records, options, &problems, &error);
    } else {
        // Still check the rules, so that one pass lists every problem, not only the keys
        // that could not be read (a field already reported as unreadable is not repeated).
        error = tr("not saved: the record breaks the rules listed");
        RecordValidator::Options validation;
        validation.now = options.now;
        validation.identityOverrideReason = options.identityOverrideReason;
        for (qsizetype i = 0; i < records.size(); ++i) {
            QSet<QString> unreadable;
            for (const Problem& problem : readProblems.at(i))
                unreadable.insert(problem.field);
            QList<Problem> found;
            for (const Problem& problem : RecordValidator::validate(&records[i], validation)) {
                if (!unreadable.contains(problem.field))
                    found.append(problem);
            }
            problems.append(found);
        }
    }
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QString prefix = records.size() > 1 ? tr("record %1: ").arg(i + 1) : QString();
        printProblems(readProblems.value(i) + problems.value(i), prefix);
    }
    if (!saved) {
        // Refused for what the records say (problems listed), or the store failed.
        const bool refused = !readCleanly || std::any_of(problems.cbegin(), problems.cend(),
                                                         [](const QList<Problem>& found) {
                                                             return !found.isEmpty();
                                                         });
        if (refused && !options.acceptWarnings && readCleanly &&
            std::none_of(problems.cbegin(), problems.cend(), &hasErrors)) {
            m_err << tr("Only warnings: add --accept-warnings to save anyway.") << Qt::endl;
        }
        return fail(refused ? Invalid : StoreError, error);
    }
    for (const SamplingRecord& record : std::as_const(records))
        m_out << record.id.toString(QUuid::WithoutBraces) << Qt::endl;
    return Success;
}

int SidepCtl::recordList(const CommandArguments& args)
{
    const std::optional<RecordStatus> status =
        args.has(u"status"_s) ? recordStatusFromName(args.value(u"status"_s)) : std::nullopt;
    QString error;
    const QList<RecordStore::Summary> rows = m_store.records()->list(status, &error);
    if (!error.isEmpty())
        return fail(AccessDenied, error);
    for (const RecordStore::Summary& row : rows) {
        const QString label = row.status == RecordStatus::Purged ? tr("(purged)")
                              : row.damaged                      ? tr("(damaged)")
                                                                 : row.accession;
        m_out << row.id.toString(QUuid::WithoutBraces) << u'\t' << label << u'\t'
              << recordStatusName(row.status) << u'\t' << row.collectedAt << Qt::endl;
    }
    return Success;
}

int SidepCtl::recordShow(const CommandArguments& args)
{
    const bool exporting = action() == u"export"_s;
    const QString idText = args.positional(0);
    const QString tube = args.value(u"tube"_s);
    QString error;
    QUuid id = QUuid::fromString(idText);
    if (!tube.isEmpty() && !m_store.records()->findByTube(tube, &id, &error))
        return fail(NotFound, error);
    if (id.isNull())
        return fail(NotFound, tr("'%1' is not a record id").arg(idText));
    SamplingRecord record;
    if (!m_store.records()->load(id, &record, &error)) {
        const bool damaged = m_store.records()->exists(id) && !m_store.records()->isPurged(id);
        return fail(damaged ? IntegrityProblem : NotFound, error);
    }
    if (exporting && !m_store.audit(u"record.export"_s, id.toString(QUuid::WithoutBraces),
                                    u"format json"_s, &error)) {
        return fail(StoreError, error);
    }
    m_out << QString::fromUtf8(
        QJsonDocument(record.toJson(exporting)).toJson(QJsonDocument::Indented));
    return Success;
}
