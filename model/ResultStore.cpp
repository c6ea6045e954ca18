#include "ResultStore.h"

#include "ActivationCodes.h"
#include "Logging.h"
#include "Outbox.h"
#include "RecordSeal.h"
#include "RecordValidator.h"
#include "SiteStatistics.h"
#include "Store.h"
#include "StoreFormat.h"

#include <QCborMap>
#include <QCborValue>
#include <QFile>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

const QString ResultStore::DefaultAnalysis = u"94500-6"_s;
const QString ResultStore::RapidAntigenAnalysis = u"94558-4"_s;
const QString ResultStore::SecondCheckSetting = u"results.secondCheck"_s;

namespace {

using StoreFormat::RecordsTable;
using StoreFormat::RecordVersionsTable;
using StoreFormat::ResultEntriesTable;
const QString Corrected = u"corrected"_s;
const QString EnteredInError = u"entered-in-error"_s;

QString idText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString entryRowId(const QString& recordId, const QString& user)
{
    return recordId + u'/' + user;
}

QString versionRowId(const QString& recordId, int version)
{
    return recordId + u'/' + QString::number(version);
}

// A pending correction carries its reason, sealed with the entry.
QByteArray entryCbor(const ResultStore::Entry& entry, const QString& reason = {})
{
    QCborMap map;
    if (!reason.isEmpty())
        map.insert(u"reason"_s, reason);
    map.insert(u"analysis"_s, entry.analysis);
    map.insert(u"value"_s, entry.value);
    map.insert(u"validatedAt"_s, entry.validatedAt);
    map.insert(u"nonConformity"_s, entry.nonConformity);
    if (!entry.reportPdf.isEmpty())
        map.insert(u"reportPdf"_s, entry.reportPdf);
    return map.toCborValue().toCbor();
}

bool entryFromCbor(const QByteArray& cbor, ResultStore::Entry* entry, QString* reason)
{
    const QCborValue value = QCborValue::fromCbor(cbor);
    if (!value.isMap())
        return false;
    const QCborMap map = value.toMap();
    *reason = map.value(u"reason"_s).toString();
    entry->analysis = map.value(u"analysis"_s).toString();
    entry->value = map.value(u"value"_s).toString();
    entry->validatedAt = map.value(u"validatedAt"_s).toString();
    entry->nonConformity = map.value(u"nonConformity"_s).toString();
    entry->reportPdf = map.value(u"reportPdf"_s).toByteArray();
    return true;
}

bool agree(const ResultStore::Entry& a, const ResultStore::Entry& b)
{
    return a.value == b.value && a.analysis == b.analysis;
}

TestResult resultOf(const ResultStore::Entry& entry)
{
    TestResult result;
    result.analysis = entry.analysis;
    result.value = entry.value;
    result.validatedAt = entry.validatedAt;
    result.nonConformity = entry.nonConformity;
    return result;
}

QString purgedMessage(const QString& recordId)
{
    return ResultStore::tr("record %1 was purged: the national server has its result and its "
                           "data was erased from this workstation after the retention window")
        .arg(recordId);
}

bool isResultedOrLater(RecordStatus status)
{
    return status == RecordStatus::Resulted;
}

} // namespace

// Another user's blind entry: a first result, or a correction with its reason.
struct ResultStore::PendingEntry
{
    Entry entry;
    QString reason;
};

struct ResultStore::Row
{
    RecordStatus status = RecordStatus::Draft;
    int version = 1;
    QString correction;
    bool activationPending = false;
    int slipsPrinted = 0;
    QString collectedAt;
    QString accession;
    QByteArray resultCbor; // the decrypted result block, as it was sealed
    TestResult result;
    Activation activation;
    bool hasReport = false;
};

// What writeResult() puts in a record's row.
struct ResultStore::ResultWrite
{
    TestResult result;
    Activation activation;
    bool activationPending = false; // a positive waits for a code
    int version = 0;                // the version the result is sealed for
    QString correction;             // "", "corrected" or "entered-in-error"
    QByteArray report;              // the lab report (PDF), unless keepReport
    bool keepReport = false;        // the row's report stays (same version only)
};

bool ResultStore::Current::isValidated() const
{
    return isResultedOrLater(status) && correction != EnteredInError && !result.value.isEmpty();
}

bool ResultStore::Current::isValidatedPositive() const
{
    return isValidated() && result.value == u"P"_s;
}

bool ResultStore::readReportFile(const QString& path, QByteArray* report, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    *report = file.read(MaxReportSize + 1);
    if (file.error() != QFileDevice::NoError) {
        *error = tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QStringList ResultStore::offeredAnalyses()
{
    return {DefaultAnalysis, RapidAntigenAnalysis};
}

ResultStore::ResultStore(Store& store, QObject* parent)
    : QObject(parent)
    , m_store(store)
{}

// The key of a record's rows in result_entries: a keyed token, not its id, since only a
// positive waits there for its second entry (the check would tell which records are
// positive). Rows written before name the record by its id; both are read and cleared, and
// they leave with the result's validation.
QString ResultStore::entriesKey(const Vault& vault, const QString& recordId)
{
    return u"k:"_s + QString::fromLatin1(
                         vault.stateMac(QByteArray("result-entries|" + recordId.toUtf8())).toHex());
}

bool ResultStore::secondCheckEnabled()
{
    const QString value = m_store.setting(SecondCheckSetting, u"on"_s).trimmed().toLower();
    return !(value == u"off"_s || value == u"0"_s || value == u"false"_s || value == u"no"_s);
}

namespace {

// What a positive's result entry in the audit log says of its activation code.
QString activationNote(bool pending)
{
    return pending ? u", activation code pending (no valid code left)"_s
                   : u", activation code given"_s;
}

} // namespace

bool ResultStore::readRow(const QUuid& id, Row* row, QString* error)
{
    Database& database = m_store.database();
    static const QString sql = u"SELECT damaged, specimen, result, report IS NOT NULL, "_s +
                               RecordSeal::clearColumns() + u" FROM records WHERE id = ?"_s;
    QSqlQuery& select = database.query(sql);
    const QString recordId = idText(id);
    select.bindValue(0, recordId);
    if (!select.exec() || !select.next()) {
        select.finish();
        *error = tr("no record %1").arg(recordId);
        return false;
    }
    const bool damaged = select.value(0).toBool();
    const QByteArray sealedSpecimen = select.value(1).toByteArray();
    const QByteArray sealedResult = select.value(2).toByteArray();
    row->hasReport = select.value(3).toBool();
    // What the row says in clear decides what happens next: only as the store wrote it. Its
    // activation_pending is a legacy flag (see ActivationCodes::isWaiting), only hashed.
    const RecordSeal::Clear clear = RecordSeal::clearFrom(select, 4);
    const QByteArray rowMac = select.value(4 + 5).toByteArray(); // clearColumns()' row_mac
    select.finish();
    row->status = recordStatusFromName(clear.status).value_or(RecordStatus::Draft);
    row->version = clear.version;
    row->correction = clear.correction;
    row->slipsPrinted = clear.slipsPrinted;
    row->collectedAt = clear.collectedAt;
    const int identityVersion = clear.identityVersion;
    const Vault& vault = *m_store.vault();
    if (!RecordSeal::rowIsAuthentic(vault, recordId, clear, rowMac)) {
        *error =
            tr("record %1 is damaged: its status or version was edited in the file").arg(recordId);
        return false;
    }
    if (row->status == RecordStatus::Purged) {
        *error = purgedMessage(recordId);
        return false;
    }
    if (!ActivationCodes(m_store).isWaiting(recordId, &row->activationPending, error))
        return false;
    RecordKey key;
    if (!m_store.recordKeys()->keyOf(recordId, &key, error))
        return false;
    QByteArray specimenCbor;
    QJsonObject merged;
    if (damaged ||
        !key.open(RecordsTable, recordId,
                  RecordSeal::identityColumn(u"specimen"_s, identityVersion), sealedSpecimen,
                  &specimenCbor) ||
        !key.open(RecordsTable, recordId, RecordSeal::boundColumn(u"result"_s, row->version),
                  sealedResult, &row->resultCbor) ||
        !SamplingRecord::mergeBlockCbor(specimenCbor, &merged) ||
        !SamplingRecord::mergeBlockCbor(row->resultCbor, &merged)) {
        *error = tr("record %1 is damaged: its result does not decrypt").arg(recordId);
        return false;
    }
    QList<Problem> ignored;
    const SamplingRecord record = SamplingRecord::fromJson(merged, &ignored);
    row->accession = record.specimen.accession;
    row->result = record.result;
    row->activation = record.activation;
    return true;
}

QList<Problem> ResultStore::check(Entry* entry, const QString& collectedAt, const QDateTime& now)
{
    // The validator's own result rules, on a record that holds only what they compare.
    SamplingRecord record;
    record.specimen.collectedAt = collectedAt;
    record.result = resultOf(*entry);
    record.result.reportPdf = entry->reportPdf;
    if (record.result.validatedAt.trimmed().isEmpty())
        record.result.validatedAt = now.toString(Qt::ISODate);
    RecordValidator::Options options;
    options.now = now;
    options.requireResult = true;
    QList<Problem> problems;
    for (const Problem& problem : RecordValidator::validate(&record, options)) {
        if (problem.field.startsWith(u"result."_s))
            problems.append(problem);
    }
    entry->analysis = record.result.analysis;
    entry->value = record.result.value;
    entry->validatedAt = record.result.validatedAt;
    entry->nonConformity =
        record.result.value == u"X"_s ? record.result.nonConformity.trimmed() : QString();
    return problems;
}

bool ResultStore::writeResult(const QUuid& id, const Row& row, const ResultWrite& write,
                              QString* error)
{
    const TestResult& result = write.result;
    const int version = write.version;
    const bool keepReport = write.keepReport;
    const QString recordId = idText(id);
    // The sealed count of results by day follows every result write, in its transaction.
    if (!SiteStatistics(m_store).countResultChange(row.collectedAt.left(10), row.result.value,
                                                   result.value, error)) {
        return false;
    }
    RecordKey key;
    if (!m_store.recordKeys()->keyOf(recordId, &key, error))
        return false;
    SamplingRecord record;
    record.result = result;
    record.activation = write.activation;
    // Sealed for its version: put back under a later one, it no longer opens.
    const QByteArray sealed =
        key.seal(RecordsTable, recordId, RecordSeal::boundColumn(u"result"_s, version),
                 record.blockCbor(SamplingRecord::Block::Result));
    // A kept report stays sealed for the version it was written with.
    Q_ASSERT(!keepReport || version == row.version);
    // A new result is to be sent (again); assigning a code to a sent result changes nothing
    // the server holds, so it keeps its status.
    const RecordStatus status =
        keepReport && isResultedOrLater(row.status) ? row.status : RecordStatus::Resulted;
    Database& database = m_store.database();
    // Whether a positive waits for a code is not kept on the record, where it would tell
    // positives from negatives in clear, but in the activation codes' sealed waiting list
    // (activation_pending, which older versions wrote, is cleared).
    QSqlQuery& update = database.query(
        keepReport ? u"UPDATE records SET status = ?, version = ?, correction = ?, "
                     "activation_pending = 0, result = ?, updated_at = ? WHERE id = ?"_s
                   : u"UPDATE records SET status = ?, version = ?, correction = ?, "
                     "activation_pending = 0, result = ?, updated_at = ?, report = ? "
                     "WHERE id = ?"_s);
    int column = 0;
    update.bindValue(column++, recordStatusName(status));
    update.bindValue(column++, version);
    update.bindValue(column++, write.correction.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                          : QVariant(write.correction));
    update.bindValue(column++, sealed);
    update.bindValue(column++, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (!keepReport) {
        update.bindValue(
            column++,
            write.report.isEmpty()
                ? QVariant(QMetaType::fromType<QByteArray>())
                : QVariant(key.seal(RecordsTable, recordId,
                                    RecordSeal::boundColumn(u"report"_s, version), write.report)));
    }
    update.bindValue(column++, recordId);
    return database.exec(update, error) &&
           ActivationCodes(m_store).setWaiting(recordId, write.activationPending, error) &&
           RecordSeal::sealRow(m_store, recordId, error);
}

bool ResultStore::validate(const QUuid& id, const Row& row, const Entry& entry,
                           const QDateTime& now, bool* activationMissing, QString* error)
{
    const QString recordId = idText(id);
    Activation activation;
    bool exhausted = false;
    if (entry.value == u"P"_s) {
        ActivationCodes codes(m_store);
        if (!codes.allocate(recordId, now, &activation, &exhausted, error))
            return false;
    }
    *activationMissing = exhausted;
    // One sealed entry whatever the result: the log does not tell a positive by an extra
    // entry for its activation code.
    QString detail = u"analysis %1"_s.arg(entry.analysis);
    if (entry.value == u"P"_s)
        detail += activationNote(exhausted);
    const QList<AuditLog::NewEntry> audit = {{u"result.validate"_s, recordId, detail, {}, true}};
    QSqlQuery& clear =
        m_store.database().query(u"DELETE FROM result_entries WHERE record_id IN (?, ?)"_s);
    clear.bindValue(0, entriesKey(*m_store.vault(), recordId));
    clear.bindValue(1, recordId);
    // The result is the record's next version, queued for the national server before the
    // record changes (the registration, if still unsent, keeps what it said).
    const int version = row.version + 1;
    return Outbox(m_store).addVersion(id, version, Outbox::Kind::Result, {}, now, error) &&
           writeResult(id, row,
                       {.result = resultOf(entry),
                        .activation = activation,
                        .activationPending = exhausted,
                        .version = version,
                        .correction = {},
                        .report = entry.reportPdf,
                        .keepReport = false},
                       error) &&
           m_store.database().exec(clear, error) && m_store.audit(audit, error);
}

bool ResultStore::enter(const QUuid& id, const Entry& entry, Outcome* outcome,
                        QList<Problem>* problems, QString* error, const QDateTime& now)
{
    problems->clear();
    if (!m_store.require(Permission::EnterResult, error))
        return false;
    Database& database = m_store.database();
    const QString recordId = idText(id);
    const QString me = m_store.currentUser().name;
    // One write transaction from reading the other entries to the decision, so two users
    // entering at the same moment are decided one after the other.
    Transaction transaction(database);
    if (!transaction.begin(error))
        return false;
    Row row;
    if (!readRow(id, &row, error))
        return false;
    if (row.status != RecordStatus::Sampled) {
        *error = isResultedOrLater(row.status)
                     ? tr("this record already has a validated result: enter a correction")
                     : tr("this record cannot take a result in its state (%1)")
                           .arg(recordStatusName(row.status));
        return false;
    }
    Entry mine = entry;
    *problems = check(&mine, row.collectedAt, now);
    if (hasErrors(*problems)) {
        *error = tr("not saved: the result breaks the rules listed");
        return false;
    }

    QList<PendingEntry> others;
    if (!otherEntries(recordId, &others, error))
        return false;

    const auto agreeing =
        std::find_if(others.cbegin(), others.cend(),
                     [&](const PendingEntry& other) { return agree(other.entry, mine); });
    bool activationMissing = false;
    if (agreeing != others.cend()) {
        if (mine.reportPdf.isEmpty())
            mine.reportPdf = agreeing->entry.reportPdf;
        *outcome = Outcome::Validated;
        if (!validate(id, row, mine, now, &activationMissing, error) ||
            !m_store.audit({{u"result.secondEntry"_s, recordId, u"entries agree"_s, {}, true}},
                           error)) {
            return false;
        }
    } else if (!others.isEmpty() || (mine.value == u"P"_s && secondCheckEnabled())) {
        *outcome = others.isEmpty() ? Outcome::AwaitingSecondEntry : Outcome::Mismatch;
        const QString action = others.isEmpty() ? u"result.firstEntry"_s : u"result.mismatch"_s;
        const QString detail = others.isEmpty() ? u"awaiting a second entry by another user"_s
                                                : u"entries disagree; nothing validated"_s;
        // Sealed: with the second check on, only a positive waits for a second entry.
        if (!keepPending(recordId, mine, {}, now, error) ||
            !m_store.audit({{action, recordId, detail, {}, true}}, error)) {
            return false;
        }
    } else {
        *outcome = Outcome::Validated;
        if (!validate(id, row, mine, now, &activationMissing, error))
            return false;
    }
    if (!transaction.commit(error))
        return false;

    switch (*outcome) {
    case Outcome::Validated:
        qCInfo(lcStore) << "result validated" << recordId;
        Q_EMIT resultValidated(id);
        if (activationMissing)
            Q_EMIT activationCodeMissing(id);
        else if (mine.value == u"P"_s)
            Q_EMIT activationAssigned(id);
        break;
    case Outcome::AwaitingSecondEntry:
        Q_EMIT entryPending(id);
        break;
    case Outcome::Mismatch:
        qCInfo(lcStore) << "result entries disagree" << recordId;
        Q_EMIT entriesDisagree(id);
        break;
    }
    return true;
}

bool ResultStore::otherEntries(const QString& recordId, QList<PendingEntry>* others, QString* error)
{
    const QString me = m_store.currentUser().name;
    const Vault& vault = *m_store.vault();
    Database& database = m_store.database();
    QSqlQuery& select =
        database.query(u"SELECT entered_by, entry FROM result_entries WHERE record_id IN (?, ?)"_s);
    select.bindValue(0, entriesKey(vault, recordId));
    select.bindValue(1, recordId);
    RecordKey key;
    if (!m_store.recordKeys()->keyOf(recordId, &key, error) || !database.exec(select, error))
        return false;
    while (select.next()) {
        const QString user = select.value(0).toString();
        if (user == me)
            continue; // replaced by this entry
        QByteArray cbor;
        PendingEntry other;
        if (!key.open(ResultEntriesTable, entryRowId(recordId, user), u"entry"_s,
                      select.value(1).toByteArray(), &cbor) ||
            !entryFromCbor(cbor, &other.entry, &other.reason)) {
            select.finish();
            *error =
                tr("record %1 is damaged: a pending result entry does not decrypt").arg(recordId);
            return false;
        }
        others->append(other);
    }
    select.finish();
    return true;
}

bool ResultStore::keepPending(const QString& recordId, const Entry& entry, const QString& reason,
                              const QDateTime& now, QString* error)
{
    const QString me = m_store.currentUser().name;
    RecordKey key;
    if (!m_store.recordKeys()->keyOf(recordId, &key, error))
        return false;
    Database& database = m_store.database();
    QSqlQuery& upsert =
        database.query(u"INSERT INTO result_entries (record_id, entered_by, entered_at, entry) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT (record_id, entered_by) DO UPDATE SET "
                       "entered_at = excluded.entered_at, entry = excluded.entry"_s);
    upsert.bindValue(0, entriesKey(*m_store.vault(), recordId));
    upsert.bindValue(1, me);
    upsert.bindValue(2, now.toString(Qt::ISODate));
    upsert.bindValue(3, key.seal(ResultEntriesTable, entryRowId(recordId, me), u"entry"_s,
                                 entryCbor(entry, reason)));
    return database.exec(upsert, error);
}

bool ResultStore::pendingState(const QUuid& id, PendingState* state, QString* error)
{
    *state = PendingState{};
    if (!m_store.require(Permission::EnterResult, error))
        return false;
    Database& database = m_store.database();
    QSqlQuery& select = database.query(
        u"SELECT entered_by FROM result_entries WHERE record_id IN (?, ?) ORDER BY entered_at"_s);
    select.bindValue(0, entriesKey(*m_store.vault(), idText(id)));
    select.bindValue(1, idText(id));
    if (!database.exec(select, error))
        return false;
    while (select.next()) {
        // A user's entry of before the token, entered again since, is one entry.
        if (const QString user = select.value(0).toString(); !state->enteredBy.contains(user))
            state->enteredBy.append(user);
    }
    select.finish();
    state->entries = int(state->enteredBy.size());
    state->enteredByMe = state->enteredBy.contains(m_store.currentUser().name);
    // Two users who agreed would have validated the result: two entries left disagree.
    state->mismatch = state->entries >= 2;
    return true;
}

bool ResultStore::current(const QUuid& id, Current* current, QString* error)
{
    if (!m_store.require(Permission::ViewIdentity, error))
        return false;
    Row row;
    if (!readRow(id, &row, error))
        return false;
    current->status = row.status;
    current->version = row.version;
    current->correction = row.correction;
    current->accession = row.accession;
    current->collectedAt = row.collectedAt;
    current->result = row.result;
    current->hasReport = row.hasReport;
    current->activation = row.activation;
    current->awaitingActivationCode = row.activationPending;
    current->slipsPrinted = row.slipsPrinted;
    return m_store.audit(u"result.view"_s, idText(id), {}, error);
}

bool ResultStore::report(const QUuid& id, QByteArray* pdf, QString* error)
{
    if (!m_store.require(Permission::ViewIdentity, error))
        return false;
    const QString recordId = idText(id);
    QSqlQuery& select =
        m_store.database().query(u"SELECT report, status, version FROM records WHERE id = ?"_s);
    select.bindValue(0, recordId);
    QVariant sealed;
    QString status;
    int version = 0;
    const bool found = select.exec() && select.next();
    if (found) {
        sealed = select.value(0);
        status = select.value(1).toString();
        version = select.value(2).toInt();
    }
    select.finish();
    if (!found) {
        *error = tr("no record %1").arg(recordId);
        return false;
    }
    if (status == recordStatusName(RecordStatus::Purged)) {
        *error = purgedMessage(recordId);
        return false;
    }
    if (sealed.isNull()) {
        *error = tr("this result has no lab report");
        return false;
    }
    RecordKey key;
    if (!m_store.recordKeys()->keyOf(recordId, &key, error))
        return false;
    if (!key.open(RecordsTable, recordId, RecordSeal::boundColumn(u"report"_s, version),
                  sealed.toByteArray(), pdf)) {
        *error = tr("record %1 is damaged: its report does not decrypt").arg(recordId);
        return false;
    }
    return m_store.audit(u"result.report.open"_s, recordId, {}, error);
}

bool ResultStore::correct(const QUuid& id, const Entry& entry, const QString& reason,
                          QList<Problem>* problems, QString* error, const QDateTime& now)
{
    Outcome ignored = Outcome::Mismatch;
    return correct(id, entry, reason, &ignored, problems, error, now);
}

bool ResultStore::correct(const QUuid& id, const Entry& entry, const QString& reason,
                          Outcome* outcome, QList<Problem>* problems, QString* error,
                          const QDateTime& now)
{
    problems->clear();
    if (!m_store.require(Permission::EnterResult, error))
        return false;
    if (reason.trimmed().isEmpty()) {
        problems->append({Problem::Severity::Error, u"reason"_s, u"required"_s,
                          tr("a correction or a cancellation needs a reason")});
        *error = tr("not saved: the correction breaks the rules listed");
        return false;
    }
    const QString recordId = idText(id);
    // One write transaction from reading the other entries to the decision, as for enter().
    Transaction transaction(m_store.database());
    Row row;
    if (!beginReplacing(transaction, id, false, &row, error))
        return false;
    Entry mine = entry;
    *problems = check(&mine, row.collectedAt, now);
    if (hasErrors(*problems)) {
        *error = tr("not saved: the correction breaks the rules listed");
        return false;
    }
    QList<PendingEntry> others;
    if (!otherEntries(recordId, &others, error))
        return false;

    const auto agreeing =
        std::find_if(others.cbegin(), others.cend(),
                     [&](const PendingEntry& other) { return agree(other.entry, mine); });
    bool activationMissing = false;
    if (agreeing != others.cend()) {
        // The version keeps the first user's reason; the second one's goes to the audit log.
        if (mine.reportPdf.isEmpty())
            mine.reportPdf = agreeing->entry.reportPdf;
        *outcome = Outcome::Validated;
        if (!replace(id, row, &mine, agreeing->reason, now, &activationMissing, error) ||
            !m_store.audit(
                {{u"result.secondEntry"_s, recordId, u"corrections agree"_s, reason.trimmed()}},
                error)) {
            return false;
        }
    } else if (!others.isEmpty() || (mine.value == u"P"_s && secondCheckEnabled())) {
        *outcome = others.isEmpty() ? Outcome::AwaitingSecondEntry : Outcome::Mismatch;
        const QString action =
            others.isEmpty() ? u"result.correction.firstEntry"_s : u"result.mismatch"_s;
        const QString detail = others.isEmpty()
                                   ? u"correction awaiting a second entry by another user"_s
                                   : u"corrections disagree; nothing validated"_s;
        if (!keepPending(recordId, mine, reason.trimmed(), now, error) ||
            !m_store.audit({{action, recordId, detail, reason.trimmed()}}, error)) {
            return false;
        }
    } else {
        *outcome = Outcome::Validated;
        if (!replace(id, row, &mine, reason, now, &activationMissing, error))
            return false;
    }
    if (!transaction.commit(error))
        return false;

    switch (*outcome) {
    case Outcome::Validated:
        qCInfo(lcStore) << "result corrected" << recordId << "version" << row.version + 1;
        Q_EMIT resultCorrected(id);
        if (activationMissing)
            Q_EMIT activationCodeMissing(id);
        break;
    case Outcome::AwaitingSecondEntry:
        Q_EMIT entryPending(id);
        break;
    case Outcome::Mismatch:
        qCInfo(lcStore) << "corrections disagree" << recordId;
        Q_EMIT entriesDisagree(id);
        break;
    }
    return true;
}

bool ResultStore::cancel(const QUuid& id, const QString& reason, QString* error,
                         const QDateTime& now)
{
    if (!m_store.require(Permission::EnterResult, error))
        return false;
    if (reason.trimmed().isEmpty()) {
        *error = u"reason: "_s + tr("a correction or a cancellation needs a reason");
        return false;
    }
    const QString recordId = idText(id);
    Transaction transaction(m_store.database());
    Row row;
    bool activationMissing = false;
    if (!beginReplacing(transaction, id, true, &row, error) ||
        !replace(id, row, nullptr, reason, now, &activationMissing, error) ||
        !transaction.commit(error)) {
        return false;
    }
    qCInfo(lcStore) << "result cancelled" << recordId << "version" << row.version + 1;
    Q_EMIT resultCorrected(id);
    return true;
}

// Opens the transaction a correction or a cancellation runs in and reads the row it replaces,
// which must be replaceable.
bool ResultStore::beginReplacing(Transaction& transaction, const QUuid& id, bool cancelling,
                                 Row* row, QString* error)
{
    return transaction.begin(error) && readRow(id, row, error) &&
           checkReplaceable(*row, cancelling, error);
}

bool ResultStore::checkReplaceable(const Row& row, bool cancelling, QString* error)
{
    if (!isResultedOrLater(row.status) ||
        (row.result.value.isEmpty() && row.correction != EnteredInError)) {
        *error = tr("only a validated result can be corrected or cancelled");
        return false;
    }
    if (cancelling && row.correction == EnteredInError) {
        *error = tr("this result is already cancelled");
        return false;
    }
    return true;
}

// Inside the caller's transaction, on a checked entry (nullptr cancels): the previous result
// becomes a version, the new one is queued and written, and pending corrections, made
// against the result being replaced, are discarded.
bool ResultStore::replace(const QUuid& id, const Row& row, const Entry* entry,
                          const QString& reason, const QDateTime& now, bool* activationMissing,
                          QString* error)
{
    Database& database = m_store.database();
    const QString recordId = idText(id);
    RecordKey key;
    if (!m_store.recordKeys()->keyOf(recordId, &key, error))
        return false;
    *activationMissing = false;
    const Entry replacement = entry ? *entry : Entry{};

    // The previous result goes to the history, re-sealed for its new place.
    QVariant oldReport(QMetaType::fromType<QByteArray>());
    if (row.hasReport) {
        QSqlQuery& select = database.query(u"SELECT report FROM records WHERE id = ?"_s);
        select.bindValue(0, recordId);
        QByteArray sealed;
        if (select.exec() && select.next())
            sealed = select.value(0).toByteArray();
        select.finish();
        QByteArray pdf;
        if (!key.open(RecordsTable, recordId, RecordSeal::boundColumn(u"report"_s, row.version),
                      sealed, &pdf)) {
            *error = tr("record %1 is damaged: its report does not decrypt").arg(recordId);
            return false;
        }
        oldReport =
            key.seal(RecordVersionsTable, versionRowId(recordId, row.version), u"report"_s, pdf);
    }
    const QString kind = entry ? u"correction"_s : u"cancellation"_s;
    const QString rowId = versionRowId(recordId, row.version);
    QSqlQuery& insert = database.query(
        u"INSERT INTO record_versions (record_id, version, kind, result, report, reason, "
        "replaced_by, replaced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    insert.bindValue(0, recordId);
    insert.bindValue(1, row.version);
    insert.bindValue(2, kind);
    insert.bindValue(3, key.seal(RecordVersionsTable, rowId, u"result"_s, row.resultCbor));
    insert.bindValue(4, oldReport);
    insert.bindValue(5,
                     key.seal(RecordVersionsTable, rowId, u"reason"_s, reason.trimmed().toUtf8()));
    insert.bindValue(6, m_store.currentUser().name);
    insert.bindValue(7, now.toString(Qt::ISODate));
    if (!database.exec(insert, error))
        return false;

    const int version = row.version + 1;
    QString detail = u"version %1"_s.arg(version);
    // The patient keeps the code already given; one that was never given is taken now.
    Activation activation;
    bool activationPending = false;
    if (entry && replacement.value == u"P"_s) {
        if (!row.activation.code.isEmpty()) {
            activation = row.activation;
        } else {
            ActivationCodes codes(m_store);
            if (!codes.allocate(recordId, now, &activation, &activationPending, error))
                return false;
            *activationMissing = activationPending;
            detail += activationNote(activationPending);
        }
    }
    const QList<AuditLog::NewEntry> audit = {{entry ? u"result.correct"_s : u"result.cancel"_s,
                                              recordId, detail, reason.trimmed(), true}};
    QSqlQuery& clear = database.query(u"DELETE FROM result_entries WHERE record_id IN (?, ?)"_s);
    clear.bindValue(0, entriesKey(*m_store.vault(), recordId));
    clear.bindValue(1, recordId);
    const TestResult result = entry ? resultOf(replacement) : TestResult{};
    return Outbox(m_store).addVersion(id, version,
                                      entry ? Outbox::Kind::Correction : Outbox::Kind::Cancellation,
                                      reason, now, error) &&
           writeResult(id, row,
                       {.result = result,
                        .activation = activation,
                        .activationPending = activationPending,
                        .version = version,
                        .correction = entry ? Corrected : EnteredInError,
                        .report = replacement.reportPdf,
                        .keepReport = false},
                       error) &&
           database.exec(clear, error) && m_store.audit(audit, error);
}

bool ResultStore::history(const QUuid& id, QList<Version>* versions, QString* error)
{
    versions->clear();
    if (!m_store.require(Permission::ViewIdentity, error))
        return false;
    const QString recordId = idText(id);
    RecordKey key;
    if (!m_store.recordKeys()->keyOf(recordId, &key, error))
        return false;
    Database& database = m_store.database();
    QSqlQuery& select = database.query(
        u"SELECT version, kind, result, report IS NOT NULL, reason, replaced_by, replaced_at "
        "FROM record_versions WHERE record_id = ? ORDER BY version"_s);
    select.bindValue(0, recordId);
    if (!database.exec(select, error))
        return false;
    bool damaged = false;
    while (select.next()) {
        Version version;
        version.version = select.value(0).toInt();
        version.kind = select.value(1).toString();
        version.hadReport = select.value(3).toBool();
        version.replacedBy = select.value(5).toString();
        version.replacedAt = select.value(6).toString();
        const QString rowId = versionRowId(recordId, version.version);
        QByteArray cbor;
        QByteArray reason;
        QJsonObject merged;
        if (!key.open(RecordVersionsTable, rowId, u"result"_s, select.value(2).toByteArray(),
                      &cbor) ||
            !SamplingRecord::mergeBlockCbor(cbor, &merged) ||
            !key.open(RecordVersionsTable, rowId, u"reason"_s, select.value(4).toByteArray(),
                      &reason)) {
            damaged = true;
            break;
        }
        QList<Problem> ignored;
        const SamplingRecord record = SamplingRecord::fromJson(merged, &ignored);
        version.result = record.result;
        version.activation = record.activation;
        version.reason = QString::fromUtf8(reason);
        versions->append(version);
    }
    select.finish();
    if (damaged) {
        *error = tr("record %1 is damaged: its result history does not decrypt").arg(recordId);
        return false;
    }
    return m_store.audit(u"result.history"_s, recordId, {}, error);
}

bool ResultStore::activationFor(const QUuid& id, QrUse use, Activation* activation, QString* error)
{
    if (!m_store.require(Permission::ViewIdentity, error))
        return false;
    Row row;
    if (!readRow(id, &row, error))
        return false;
    if (!isResultedOrLater(row.status) || row.correction == EnteredInError ||
        row.result.value != u"P"_s) {
        *error = tr("an activation QR code exists only for a validated positive result");
        return false;
    }
    if (row.activation.code.isEmpty()) {
        *error = tr("no activation code yet: import codes and it is given at once");
        return false;
    }
    static const char* const Actions[] = {"qr.display", "qr.print", "qr.export"};
    if (!m_store.audit({{QString::fromLatin1(Actions[int(use)]), idText(id), {}, {}, true}}, error))
        return false;
    *activation = row.activation;
    return true;
}

bool ResultStore::slip(const QUuid& id, const QString& reprintReason, SlipContent* content,
                       QString* error)
{
    if (!m_store.require(Permission::ViewIdentity, error))
        return false;
    Database& database = m_store.database();
    const QString recordId = idText(id);
    Transaction transaction(database);
    if (!transaction.begin(error))
        return false;
    Row row;
    if (!readRow(id, &row, error))
        return false;
    if (!isResultedOrLater(row.status) || row.correction == EnteredInError ||
        row.result.value.isEmpty()) {
        *error = tr("a result slip is printed only for a validated result");
        return false;
    }
    const bool positive = row.result.value == u"P"_s;
    if (positive && row.activation.code.isEmpty()) {
        *error = tr("no activation code yet for this positive result: import codes first");
        return false;
    }
    const bool reprint = row.slipsPrinted > 0;
    if (reprint && reprintReason.trimmed().isEmpty()) {
        *error = tr("this slip was already printed: a reprint needs a reason");
        return false;
    }
    QSqlQuery& count =
        database.query(u"UPDATE records SET slips_printed = slips_printed + 1 WHERE id = ?"_s);
    count.bindValue(0, recordId);
    // One sealed entry, the activation QR code it carries included.
    const QList<AuditLog::NewEntry> audit = {
        {reprint ? u"slip.reprint"_s : u"slip.print"_s, recordId,
         u"version %1"_s.arg(row.version) +
             (positive ? u", with the activation QR code"_s : QString()),
         reprint ? reprintReason.trimmed() : QString(), true}};
    // The count decides whether the next print needs a reason: hashed with the row.
    if (!database.exec(count, error) || !RecordSeal::sealRow(m_store, recordId, error) ||
        !m_store.audit(audit, error) || !transaction.commit(error)) {
        return false;
    }
    *content = SlipContent{};
    content->siteFiness = m_store.siteFiness();
    content->siteName = m_store.setting(u"site.name"_s);
    content->accession = row.accession;
    content->collectedAt = row.collectedAt;
    content->analysis = row.result.analysis;
    content->value = row.result.value;
    content->validatedAt = row.result.validatedAt;
    content->nonConformity = row.result.nonConformity;
    content->version = row.version;
    if (positive) {
        content->activationCode = row.activation.code;
        content->activationLink = row.activation.link;
    }
    content->reprint = reprint;
    content->reprintReason = reprintReason.trimmed();
    return true;
}

bool ResultStore::assignPendingActivations(int* assigned, QString* error, const QDateTime& now)
{
    *assigned = 0;
    QString ignored;
    if (!m_store.require(Permission::EnterResult, &ignored) &&
        !m_store.require(Permission::ManageSettings, error)) {
        return false;
    }
    Database& database = m_store.database();
    ActivationCodes codes(m_store);
    QStringList waiting;
    if (!codes.waitingRecords(&waiting, error))
        return false;
    for (const QString& waitingId : std::as_const(waiting)) {
        const QUuid id = QUuid::fromString(waitingId);
        const QString recordId = idText(id);
        Transaction transaction(database);
        if (!transaction.begin(error))
            return false;
        Row row;
        if (!readRow(id, &row, error))
            return false;
        if (!row.activationPending)
            continue; // another process gave it one meanwhile
        Activation activation;
        bool exhausted = false;
        if (row.result.value == u"P"_s &&
            !codes.allocate(recordId, now, &activation, &exhausted, error)) {
            return false;
        }
        if (exhausted)
            break;
        if (!writeResult(id, row,
                         {.result = row.result,
                          .activation = activation,
                          .activationPending = false,
                          .version = row.version,
                          .correction = row.correction,
                          .report = {},
                          .keepReport = true},
                         error) ||
            !m_store.audit({{u"activation.assign"_s, recordId, u"after codes arrived"_s, {}, true}},
                           error) ||
            !transaction.commit(error)) {
            return false;
        }
        ++*assigned;
        Q_EMIT activationAssigned(id);
    }
    return true;
}
