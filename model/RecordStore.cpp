#include "RecordStore.h"

#include "Logging.h"
#include "Outbox.h"
#include "RecordValidator.h"
#include "Store.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

const QString RecordsTable = u"records"_s;
const QString ReportColumn = u"report"_s;

QString idText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString blockColumns()
{
    QStringList columns;
    for (SamplingRecord::Block block : SamplingRecord::AllBlocks)
        columns.append(SamplingRecord::blockName(block));
    columns.append(ReportColumn);
    return columns.join(u", "_s);
}

} // namespace

RecordStore::RecordStore(Store& store)
    : m_store(store)
{}

bool RecordStore::add(SamplingRecord* record, const SaveOptions& options, QList<Problem>* problems,
                      QString* error)
{
    QList<SamplingRecord> batch{*record};
    QList<QList<Problem>> batchProblems;
    const bool saved = add(&batch, options, &batchProblems, error);
    *problems = batchProblems.value(0);
    if (saved)
        *record = batch.first();
    return saved;
}

bool RecordStore::add(QList<SamplingRecord>* records, const SaveOptions& options,
                      QList<QList<Problem>>* problems, QString* error)
{
    if (!m_store.require(Permission::CreateRecord, error))
        return false;
    const Vault& vault = *m_store.vault();
    Database& database = m_store.database();

    RecordValidator::Options validation;
    validation.now = options.now;
    validation.identityOverrideReason = options.identityOverrideReason;

    problems->clear();
    bool refused = false;
    bool needsConfirmation = false;
    QList<QByteArray> tubeIndexes;
    QSet<QByteArray> seenInBatch;
    QSqlQuery& findTube = database.query(u"SELECT 1 FROM records WHERE tube_index = ?"_s);
    for (SamplingRecord& record : *records) {
        QList<Problem> found = RecordValidator::validate(&record, validation);
        if (!record.result.isEmpty()) {
            found.append({Problem::Severity::Error, u"result"_s, u"result.notHere"_s,
                          tr("a result is entered on its own, once the sample is saved")});
        }
        const QByteArray tubeIndex = vault.tubeIndex(record.specimen.accession);
        findTube.bindValue(0, tubeIndex);
        const bool taken = findTube.exec() && findTube.next();
        findTube.finish();
        if (!record.specimen.accession.isEmpty() && (taken || seenInBatch.contains(tubeIndex))) {
            found.append({Problem::Severity::Error, u"specimen.accession"_s,
                          u"accession.duplicate"_s,
                          tr("this tube label is already used at this site")});
        }
        seenInBatch.insert(tubeIndex);
        tubeIndexes.append(tubeIndex);
        refused = refused || hasErrors(found);
        needsConfirmation = needsConfirmation || !found.isEmpty();
        problems->append(found);
    }
    if (refused) {
        *error = tr("not saved: the record breaks the rules listed");
        return false;
    }
    if (needsConfirmation && !options.acceptWarnings) {
        *error = tr("not saved: confirm the warnings listed to save anyway");
        return false;
    }

    Transaction transaction(database);
    if (!transaction.begin(error))
        return false;
    QSqlQuery& insert = database.query(
        u"INSERT INTO records (id, version, status, tube_index, collected_at, collected_day, "
        "created_at, updated_at, birth_name_index, usual_name_index, "_s +
        blockColumns() + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    const QString now = options.now.toString(Qt::ISODate);
    QList<AuditLog::NewEntry> auditEntries;
    for (qsizetype i = 0; i < records->size(); ++i) {
        SamplingRecord& record = (*records)[i];
        if (record.id.isNull())
            record.id = QUuid::createUuid();
        record.status = RecordStatus::Sampled;
        record.version = 1;
        const QString id = idText(record.id);
        int column = 0;
        insert.bindValue(column++, id);
        insert.bindValue(column++, record.version);
        insert.bindValue(column++, recordStatusName(record.status));
        insert.bindValue(column++, tubeIndexes.at(i));
        insert.bindValue(column++, record.specimen.collectedAt);
        insert.bindValue(column++, record.specimen.collectedAt.left(10));
        insert.bindValue(column++, now);
        insert.bindValue(column++, now);
        insert.bindValue(column++, vault.nameIndex(record.patient.birthName));
        insert.bindValue(column++, vault.nameIndex(record.patient.usualName));
        for (SamplingRecord::Block block : SamplingRecord::AllBlocks) {
            const QString name = SamplingRecord::blockName(block);
            insert.bindValue(column++, vault.seal(RecordsTable, id, name, record.blockCbor(block)));
        }
        insert.bindValue(column++, QVariant(QMetaType::fromType<QByteArray>())); // no report yet
        if (!database.exec(insert, error)) {
            *error = tr("not saved: %1").arg(*error);
            return false;
        }
        // Registered with the national server at once, whatever becomes of the test.
        if (!Outbox(m_store).addVersion(record.id, record.version, Outbox::Kind::Registration, {},
                                        options.now, error)) {
            *error = tr("not saved: %1").arg(*error);
            return false;
        }
        auditEntries.append({u"record.create"_s, id, {}, {}});
        QStringList overridden;
        for (const Problem& problem : problems->at(i)) {
            if (problem.field == u"patient.ins"_s)
                overridden.append(problem.rule);
        }
        if (!overridden.isEmpty()) {
            auditEntries.append({u"record.identityOverride"_s, id, overridden.join(u','),
                                 options.identityOverrideReason});
        }
    }
    if (!m_store.audit(auditEntries, error))
        return false;
    if (!transaction.commit(error)) {
        *error = tr("not saved: %1").arg(*error);
        return false;
    }
    for (const SamplingRecord& record : std::as_const(*records)) {
        qCInfo(lcStore) << "record saved" << idText(record.id);
        Q_EMIT recordSaved(record.id);
    }
    return true;
}

bool RecordStore::openBlocks(const QUuid& id, SamplingRecord* record, QString* damagedBlock,
                             QString* error)
{
    Database& database = m_store.database();
    QSqlQuery& select = database.query(u"SELECT status, version, tube_index, "_s + blockColumns() +
                                       u" FROM records WHERE id = ?"_s);
    const QString idString = idText(id);
    select.bindValue(0, idString);
    if (!select.exec() || !select.next()) {
        select.finish();
        *error = tr("no record %1").arg(idString);
        return false;
    }
    const QString status = select.value(0).toString();
    if (status == recordStatusName(RecordStatus::Purged)) {
        select.finish();
        *error = tr("record %1 was purged: the national server has it and its identifying data "
                    "was erased from this workstation after the retention window")
                     .arg(idString);
        return false;
    }
    const int version = select.value(1).toInt();
    const QByteArray tubeIndex = select.value(2).toByteArray();
    QJsonObject merged;
    QByteArray report;
    bool opened = true;
    int column = 3;
    const Vault& vault = *m_store.vault();
    for (SamplingRecord::Block block : SamplingRecord::AllBlocks) {
        const QString name = SamplingRecord::blockName(block);
        const QByteArray sealed = select.value(column++).toByteArray();
        QByteArray cbor;
        if (!vault.open(RecordsTable, idString, name, sealed, &cbor) ||
            !SamplingRecord::mergeBlockCbor(cbor, &merged)) {
            *damagedBlock = name;
            opened = false;
            break;
        }
    }
    const QVariant sealedReport = select.value(column);
    select.finish();
    if (opened && !sealedReport.isNull() &&
        !vault.open(RecordsTable, idString, ReportColumn, sealedReport.toByteArray(), &report)) {
        *damagedBlock = ReportColumn;
        opened = false;
    }
    if (!opened) {
        *error =
            tr("record %1 is damaged: its %2 data does not decrypt").arg(idString, *damagedBlock);
        return false;
    }
    QList<Problem> problems;
    *record = SamplingRecord::fromJson(merged, &problems);
    record->id = id;
    record->status = recordStatusFromName(status).value_or(RecordStatus::Draft);
    record->version = version;
    record->result.reportPdf = report;
    if (vault.tubeIndex(record->specimen.accession) != tubeIndex) {
        *damagedBlock = u"tube_index"_s;
        *error = tr("record %1 is damaged: its tube label does not match its index").arg(idString);
        return false;
    }
    return true;
}

bool RecordStore::load(const QUuid& id, SamplingRecord* record, QString* error,
                       const QString& auditAction)
{
    if (!m_store.require(Permission::ViewIdentity, error))
        return false;
    QString damagedBlock;
    if (!openBlocks(id, record, &damagedBlock, error))
        return false;
    // Inside the caller's transaction when there is one (the sync engine's batch).
    return m_store.audit(auditAction, idText(id), {}, error);
}

bool RecordStore::exists(const QUuid& id)
{
    QSqlQuery& select = m_store.database().query(u"SELECT 1 FROM records WHERE id = ?"_s);
    select.bindValue(0, idText(id));
    const bool found = select.exec() && select.next();
    select.finish();
    return found;
}

bool RecordStore::isPurged(const QUuid& id)
{
    QSqlQuery& select =
        m_store.database().query(u"SELECT 1 FROM records WHERE id = ? AND status = 'purged'"_s);
    select.bindValue(0, idText(id));
    const bool purged = select.exec() && select.next();
    select.finish();
    return purged;
}

bool RecordStore::findByTube(const QString& accession, QUuid* id, QString* error)
{
    if (!m_store.require(Permission::ViewIdentity, error))
        return false;
    QSqlQuery& select = m_store.database().query(u"SELECT id FROM records WHERE tube_index = ?"_s);
    select.bindValue(0, m_store.vault()->tubeIndex(accession.trimmed()));
    const bool found = select.exec() && select.next();
    if (found)
        *id = QUuid::fromString(select.value(0).toString());
    select.finish();
    if (!found)
        *error = tr("no record has this tube label");
    return found;
}

namespace {

// The WHERE clause of a query and the values it binds, in order.
QString whereClause(const RecordStore::Query& query, const Vault& vault, QVariantList* values)
{
    QStringList conditions;
    if (query.status) {
        conditions.append(u"status = ?"_s);
        values->append(recordStatusName(*query.status));
    } else {
        // Not purged: a purged record keeps only its sampling day, and this test reads the
        // sampling-time index the queue pages through, never the rows it skips.
        conditions.append(u"collected_at IS NOT NULL"_s);
    }
    if (query.collectedOn.isValid()) {
        conditions.append(u"collected_day = ?"_s);
        values->append(query.collectedOn.toString(Qt::ISODate));
    }
    if (!query.tubeLabel.trimmed().isEmpty()) {
        conditions.append(u"tube_index = ?"_s);
        values->append(vault.tubeIndex(query.tubeLabel.trimmed()));
    }
    if (!query.patientName.trimmed().isEmpty()) {
        conditions.append(u"(birth_name_index = ? OR usual_name_index = ?)"_s);
        const QByteArray index = vault.nameIndex(query.patientName);
        values->append(index);
        values->append(index);
    }
    return conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s);
}

QString displayName(const QJsonObject& patient)
{
    QString name = patient.value(u"birthName"_s).toString().toUpper();
    const QString usual = patient.value(u"usualName"_s).toString().toUpper();
    if (!usual.isEmpty() && usual != name)
        name = name.isEmpty() ? usual : name + u" ("_s + usual + u')';
    const QString given = patient.value(u"firstNames"_s).toString();
    return given.isEmpty() ? name : name + u' ' + given;
}

} // namespace

int RecordStore::count(const Query& query, QString* error)
{
    if (!m_store.require(Permission::ViewIdentity, error))
        return 0;
    QVariantList values;
    const QString where = whereClause(query, *m_store.vault(), &values);
    QSqlQuery& select = m_store.database().query(u"SELECT count(*) FROM records"_s + where);
    for (int i = 0; i < values.size(); ++i)
        select.bindValue(i, values.at(i));
    int result = 0;
    if (m_store.database().exec(select, error) && select.next())
        result = select.value(0).toInt();
    select.finish();
    return result;
}

QList<RecordStore::Summary> RecordStore::page(const Query& query, int offset, int limit,
                                              bool withNames, QString* error)
{
    QList<Summary> result;
    if (!m_store.require(Permission::ViewIdentity, error))
        return result;
    const Vault& vault = *m_store.vault();
    QVariantList values;
    const QString where = whereClause(query, vault, &values);
    QSqlQuery& select = m_store.database().query(
        u"SELECT id, status, collected_at, damaged, specimen, patient, collected_day "
        "FROM records"_s +
        where + u" ORDER BY collected_at DESC, rowid DESC LIMIT ? OFFSET ?"_s);
    for (int i = 0; i < values.size(); ++i)
        select.bindValue(i, values.at(i));
    select.bindValue(values.size(), limit);
    select.bindValue(values.size() + 1, offset);
    if (!m_store.database().exec(select, error))
        return result;
    while (select.next()) {
        Summary summary;
        const QString id = select.value(0).toString();
        summary.id = QUuid::fromString(id);
        summary.status =
            recordStatusFromName(select.value(1).toString()).value_or(RecordStatus::Draft);
        summary.collectedAt = select.value(2).toString();
        summary.damaged = select.value(3).toBool();
        if (summary.status == RecordStatus::Purged) {
            summary.collectedAt = select.value(6).toString(); // nothing sealed is left to open
            result.append(summary);
            continue;
        }
        QByteArray cbor;
        QJsonObject blocks;
        if (vault.open(RecordsTable, id, u"specimen"_s, select.value(4).toByteArray(), &cbor) &&
            SamplingRecord::mergeBlockCbor(cbor, &blocks)) {
            summary.accession =
                blocks.value(u"specimen"_s).toObject().value(u"accession"_s).toString();
        } else {
            summary.damaged = true;
        }
        if (withNames && !summary.damaged) {
            if (vault.open(RecordsTable, id, u"patient"_s, select.value(5).toByteArray(), &cbor) &&
                SamplingRecord::mergeBlockCbor(cbor, &blocks)) {
                summary.patientName = displayName(blocks.value(u"patient"_s).toObject());
            } else {
                summary.damaged = true;
            }
        }
        result.append(summary);
    }
    select.finish();
    return result;
}

QList<RecordStore::Summary> RecordStore::list(std::optional<RecordStatus> status, QString* error)
{
    Query query;
    query.status = status;
    return page(query, 0, std::numeric_limits<int>::max(), false, error);
}

QList<RecordStore::AwaitingResult> RecordStore::awaitingResult(const QDateTime& sampledBefore,
                                                              QString* error)
{
    QList<AwaitingResult> found;
    if (!m_store.require(Permission::ViewIdentity, error))
        return found;
    Database& database = m_store.database();
    // collected_at carries its offset: julianday() compares the instants.
    QSqlQuery& select = database.query(
        u"SELECT id, collected_at, specimen FROM records WHERE status = 'sampled' AND damaged = 0 "
        "AND julianday(collected_at) < julianday(?) ORDER BY julianday(collected_at)"_s);
    select.bindValue(0, sampledBefore.toUTC().toString(Qt::ISODate));
    if (!database.exec(select, error))
        return found;
    const Vault& vault = *m_store.vault();
    while (select.next()) {
        AwaitingResult waiting;
        waiting.id = QUuid::fromString(select.value(0).toString());
        waiting.collectedAt = select.value(1).toString();
        QByteArray cbor;
        QJsonObject merged;
        if (vault.open(RecordsTable, idText(waiting.id), u"specimen"_s,
                       select.value(2).toByteArray(), &cbor) &&
            SamplingRecord::mergeBlockCbor(cbor, &merged)) {
            waiting.accession =
                merged.value(u"specimen"_s).toObject().value(u"accession"_s).toString();
        }
        found.append(waiting);
    }
    select.finish();
    return found;
}

RecordStore::VerifyReport RecordStore::verify()
{
    VerifyReport report;
    Database& database = m_store.database();
    report.fileProblems = database.integrityProblems();

    QList<QUuid> ids;
    QSqlQuery& select =
        database.query(u"SELECT id FROM records WHERE status <> 'purged' ORDER BY rowid"_s);
    if (select.exec()) {
        while (select.next())
            ids.append(QUuid::fromString(select.value(0).toString()));
    }
    select.finish();

    for (const QUuid& id : std::as_const(ids)) {
        ++report.recordsChecked;
        SamplingRecord record;
        QString damagedBlock;
        QString error;
        if (openBlocks(id, &record, &damagedBlock, &error))
            continue;
        report.damaged.append({id, damagedBlock});
        qCWarning(lcStore) << "record" << idText(id) << "is damaged in" << damagedBlock;
        // Kept aside: flagged so every view shows it, never deleted.
        Transaction transaction(database);
        QSqlQuery& flag = database.query(u"UPDATE records SET damaged = 1 WHERE id = ?"_s);
        flag.bindValue(0, idText(id));
        if (!transaction.begin(&error) || !database.exec(flag, &error) ||
            !m_store.audit(u"record.damaged"_s, idText(id), damagedBlock, &error) ||
            !transaction.commit(&error)) {
            qCWarning(lcStore) << "cannot flag a damaged record:" << error;
        }
    }
    return report;
}

RecordStore::Statistics RecordStore::statistics(Store& store, QString* error)
{
    Statistics statistics;
    Database& database = store.database();
    QSqlQuery& byStatus =
        database.query(u"SELECT status, count(*), sum(damaged) FROM records GROUP BY status"_s);
    if (!database.exec(byStatus, error))
        return statistics;
    while (byStatus.next()) {
        statistics.byStatus.insert(byStatus.value(0).toString(), byStatus.value(1).toInt());
        statistics.damaged += byStatus.value(2).toInt();
    }
    byStatus.finish();
    QSqlQuery& byDay =
        database.query(u"SELECT collected_day, count(*) FROM records GROUP BY collected_day"_s);
    if (!database.exec(byDay, error))
        return statistics;
    while (byDay.next())
        statistics.byDay.insert(byDay.value(0).toString(), byDay.value(1).toInt());
    byDay.finish();
    QSqlQuery& purged = database.query(
        u"SELECT day, analysis, value, records FROM purged_results ORDER BY day, analysis, value"_s);
    if (!database.exec(purged, error))
        return statistics;
    while (purged.next()) {
        statistics.purgedResults.append({purged.value(0).toString(), purged.value(1).toString(),
                                         purged.value(2).toString(), purged.value(3).toInt()});
    }
    purged.finish();
    return statistics;
}
