#include "RecordStore.h"

#include "Logging.h"
#include "Outbox.h"
#include "RecordSeal.h"
#include "RecordValidator.h"
#include "SiteStatistics.h"
#include "Store.h"
#include "StoreFormat.h"

#include <QCborMap>
#include <QCborValue>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

using StoreFormat::RecordsTable;
using StoreFormat::RecordVersionsTable;
const QString ReportColumn = u"report"_s;
const QString SearchBucketsReady = u"search.buckets"_s;
// Every record has this many buckets, real ones first, so that their number says nothing
// about the length of the names.
constexpr int BucketsPerRecord = 12;
// A name word's buckets are its first 2, 4, 8 and 16 letters: a search reads the longest
// its word has, so that a long common start ("MARTIN", or the test fixture's names that all
// begin alike) does not mean decrypting every record.
constexpr int PrefixLengths[] = {2, 4, 8, 16};

// The identifying blocks a save writes and an amendment replaces (not the result).
constexpr SamplingRecord::Block IdentifyingBlocks[] = {
    SamplingRecord::Block::Patient, SamplingRecord::Block::Contact, SamplingRecord::Block::Clinical,
    SamplingRecord::Block::Physicians, SamplingRecord::Block::Specimen};

QString idText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

// The result changes with each version and is sealed for it; the identifying blocks are
// not (an amendment re-seals them, and the row's hash covers its version).
// The result is sealed for the record's version, the identifying blocks for the version that
// wrote them (RecordSeal).
QString sealedColumn(SamplingRecord::Block block, int version, int identityVersion)
{
    const QString name = SamplingRecord::blockName(block);
    return block == SamplingRecord::Block::Result
               ? RecordSeal::boundColumn(name, version)
               : RecordSeal::identityColumn(name, identityVersion);
}

QString blockColumns()
{
    QStringList columns;
    for (SamplingRecord::Block block : SamplingRecord::AllBlocks)
        columns.append(SamplingRecord::blockName(block));
    columns.append(ReportColumn);
    return columns.join(u", "_s);
}

// The words of a patient's names as a search compares them: upper case, no accents, split
// at spaces, hyphens and apostrophes.
QStringList nameWords(const QString& birthName, const QString& usualName, const QString& firstNames)
{
    QStringList words;
    for (const QString& name : {birthName, usualName, firstNames}) {
        for (const QString& word : Vault::normalisedName(name).split(u' ', Qt::SkipEmptyParts)) {
            if (!words.contains(word))
                words.append(word);
        }
    }
    return words;
}

QString tubeForm(const QString& label)
{
    return label.trimmed().toUpper();
}

QString prefixBucket(const QString& word, int length)
{
    return u"n%1:"_s.arg(length) + word.left(length);
}

// The bucket a search part reads: its longest prefix length; empty below two letters.
QString searchBucket(const QString& part)
{
    for (auto it = std::rbegin(PrefixLengths); it != std::rend(PrefixLengths); ++it) {
        if (part.size() >= *it)
            return prefixBucket(part, *it);
    }
    return {};
}

// "t:" and the last two characters of the tube label, then the prefixes of the name words,
// shortest first (so that when a record has more than fit, only the longest are left out).
QStringList bucketsOf(const QStringList& words, const QString& accession)
{
    QStringList buckets;
    const QString tube = tubeForm(accession);
    if (tube.size() >= 2)
        buckets.append(u"t:"_s + tube.right(2));
    for (const int length : PrefixLengths) {
        for (const QString& word : words) {
            const QString bucket = prefixBucket(word, length);
            if (word.size() >= length && !buckets.contains(bucket))
                buckets.append(bucket);
        }
    }
    return buckets.mid(0, BucketsPerRecord);
}

// One word typed into a search: its name form (possibly several parts: "Lefèvre-Martin")
// and its tube-label form.
struct SearchWord
{
    QStringList nameParts;
    QString tube;
};

QList<SearchWord> searchWords(const QString& text)
{
    QList<SearchWord> words;
    for (const QString& typed : text.split(u' ', Qt::SkipEmptyParts)) {
        words.append(
            {Vault::normalisedName(typed).split(u' ', Qt::SkipEmptyParts), tubeForm(typed)});
    }
    return words;
}

// Opens one sealed identifying block of a record (sealed for its identity_version) and merges
// it into `blocks`, under its name.
bool openBlock(const RecordKey& key, const QString& id, const QString& name, int identityVersion,
               const QByteArray& sealed, QJsonObject* blocks)
{
    QByteArray cbor;
    return key.open(RecordsTable, id, RecordSeal::identityColumn(name, identityVersion), sealed,
                    &cbor) &&
           SamplingRecord::mergeBlockCbor(cbor, blocks);
}

} // namespace

const QString RecordStore::AmendmentKind = u"amendment"_s;

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

namespace {

// The audit entries of new records: their creation, and the INS checks overridden for them.
QList<AuditLog::NewEntry> creationEntries(const QList<SamplingRecord>& records,
                                          const QList<QList<Problem>>& problems,
                                          const QString& identityOverrideReason)
{
    QList<AuditLog::NewEntry> auditEntries;
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QString id = idText(records.at(i).id);
        auditEntries.append({u"record.create"_s, id, {}, {}});
        QStringList overridden;
        for (const Problem& problem : problems.at(i)) {
            if (problem.field == u"patient.ins"_s)
                overridden.append(problem.rule);
        }
        if (!overridden.isEmpty()) {
            auditEntries.append(
                {u"record.identityOverride"_s, id, overridden.join(u','), identityOverrideReason});
        }
    }
    return auditEntries;
}

} // namespace

void RecordStore::validateNew(QList<SamplingRecord>* records, const SaveOptions& options,
                              QList<QList<Problem>>* problems, QList<QByteArray>* tubeIndexes,
                              bool* refused, bool* needsConfirmation)
{
    const Vault& vault = *m_store.vault();
    Database& database = m_store.database();

    RecordValidator::Options validation;
    validation.now = options.now;
    validation.identityOverrideReason = options.identityOverrideReason;

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
        tubeIndexes->append(tubeIndex);
        *refused = *refused || hasErrors(found);
        *needsConfirmation = *needsConfirmation || !found.isEmpty();
        problems->append(found);
    }
}

bool RecordStore::insertNew(QList<SamplingRecord>* records, const QList<QByteArray>& tubeIndexes,
                            const SaveOptions& options, QString* error)
{
    const Vault& vault = *m_store.vault();
    Database& database = m_store.database();
    QSqlQuery& insert = database.query(
        u"INSERT INTO records (id, version, status, tube_index, collected_at, collected_day, "
        "created_at, updated_at, birth_name_index, usual_name_index, identity_version, "_s +
        blockColumns() + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    const QString now = options.now.toString(Qt::ISODate);
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
        insert.bindValue(column++, record.version); // the identity is this version's
        RecordKey key;
        if (!m_store.recordKeys()->create(id, &key, error)) {
            *error = tr("not saved: %1").arg(*error);
            return false;
        }
        for (SamplingRecord::Block block : SamplingRecord::AllBlocks) {
            insert.bindValue(column++, key.seal(RecordsTable, id, sealedColumn(block, 1, 1),
                                                record.blockCbor(block)));
        }
        insert.bindValue(column++, QVariant(QMetaType::fromType<QByteArray>())); // no report yet
        if (!database.exec(insert, error) || !RecordSeal::sealRow(m_store, id, error) ||
            !writeSearchBuckets(id, record, false, error)) {
            *error = tr("not saved: %1").arg(*error);
            return false;
        }
        // Registered with the national server at once, whatever becomes of the test.
        if (!Outbox(m_store).addVersion(record.id, record.version, Outbox::Kind::Registration, {},
                                        options.now, error)) {
            *error = tr("not saved: %1").arg(*error);
            return false;
        }
    }
    return true;
}

bool RecordStore::add(QList<SamplingRecord>* records, const SaveOptions& options,
                      QList<QList<Problem>>* problems, QString* error)
{
    if (!m_store.require(Permission::CreateRecord, error))
        return false;

    problems->clear();
    bool refused = false;
    bool needsConfirmation = false;
    QList<QByteArray> tubeIndexes;
    validateNew(records, options, problems, &tubeIndexes, &refused, &needsConfirmation);
    if (refused) {
        *error = tr("not saved: the record breaks the rules listed");
        return false;
    }
    if (needsConfirmation && !options.acceptWarnings) {
        *error = tr("not saved: confirm the warnings listed to save anyway");
        return false;
    }

    Transaction transaction(m_store.database());
    if (!transaction.begin(error))
        return false;
    if (!insertNew(records, tubeIndexes, options, error))
        return false;
    if (!m_store.audit(creationEntries(*records, *problems, options.identityOverrideReason), error))
        return false;
    if (!transaction.commit(error)) {
        *error = tr("not saved: %1").arg(*error);
        return false;
    }
    m_searchCacheKey.clear();
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
    QSqlQuery& select =
        database.query(u"SELECT status, version, tube_index, "_s + RecordSeal::clearColumns() +
                       u", "_s + blockColumns() + u" FROM records WHERE id = ?"_s);
    const QString idString = idText(id);
    select.bindValue(0, idString);
    if (!select.exec() || !select.next()) {
        select.finish();
        *error = tr("no record %1").arg(idString);
        return false;
    }
    const QString status = select.value(0).toString();
    const int version = select.value(1).toInt();
    const QByteArray tubeIndex = select.value(2).toByteArray();
    const Vault& vault = *m_store.vault();
    const RecordSeal::Clear clear = RecordSeal::clearFrom(select, 3);
    if (!RecordSeal::rowIsAuthentic(vault, idString, clear, select.value(8).toByteArray())) {
        select.finish();
        *damagedBlock = u"row"_s;
        *error =
            tr("record %1 is damaged: its status or version was edited in the file").arg(idString);
        return false;
    }
    if (status == recordStatusName(RecordStatus::Purged)) {
        select.finish();
        *error = tr("record %1 was purged: the national server has it and its identifying data "
                    "was erased from this workstation after the retention window")
                     .arg(idString);
        return false;
    }
    RecordKey key;
    if (!m_store.recordKeys()->keyOf(idString, &key, error)) {
        select.finish();
        *damagedBlock = u"key"_s;
        return false;
    }
    QJsonObject merged;
    QByteArray report;
    bool opened = true;
    int column = 11;
    for (SamplingRecord::Block block : SamplingRecord::AllBlocks) {
        const QString name = SamplingRecord::blockName(block);
        const QByteArray sealed = select.value(column++).toByteArray();
        QByteArray cbor;
        if (!key.open(RecordsTable, idString, sealedColumn(block, version, clear.identityVersion),
                      sealed, &cbor) ||
            !SamplingRecord::mergeBlockCbor(cbor, &merged)) {
            *damagedBlock = name;
            opened = false;
            break;
        }
    }
    const QVariant sealedReport = select.value(column);
    select.finish();
    if (opened && !sealedReport.isNull() &&
        !key.open(RecordsTable, idString, RecordSeal::boundColumn(ReportColumn, version),
                  sealedReport.toByteArray(), &report)) {
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
    if (!query.search.trimmed().isEmpty()) {
        m_searchCacheKey.clear(); // a count starts a refresh: search again
        return int(searchIds(query, error).size());
    }
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

namespace {

// The row's authenticated columns (RecordSeal::clearColumns) from column 7 on.
const QString SummaryColumns =
    u"SELECT id, status, collected_at, damaged, specimen, patient, collected_day, "_s +
    RecordSeal::clearColumns() + u", "_s + RecordKeys::wrappedKeyColumn(u"records.id"_s) +
    u" FROM records"_s;

// A queue row from the columns of SummaryColumns: decrypts the tube label, and the names
// and birth date when asked.
RecordStore::Summary summaryOf(const QSqlQuery& select, const Vault& vault, RecordKeys& keys,
                               bool withNames)
{
    RecordStore::Summary summary;
    const QString id = select.value(0).toString();
    summary.id = QUuid::fromString(id);
    summary.status = recordStatusFromName(select.value(1).toString()).value_or(RecordStatus::Draft);
    summary.collectedAt = select.value(2).toString();
    summary.damaged = select.value(3).toBool();
    // A status or version edited in the file is damage: shown as such, never as what it says.
    const RecordSeal::Clear clear = RecordSeal::clearFrom(select, 7);
    if (!RecordSeal::rowIsAuthentic(vault, id, clear, select.value(12).toByteArray()))
        summary.damaged = true;
    if (summary.status == RecordStatus::Purged) {
        summary.collectedAt = select.value(6).toString(); // nothing sealed is left to open
        return summary;
    }
    RecordKey key;
    QString error;
    if (!keys.keyFrom(id, select.value(15), &key, &error)) {
        summary.damaged = true;
        return summary;
    }
    QJsonObject blocks;
    if (openBlock(key, id, u"specimen"_s, clear.identityVersion, select.value(4).toByteArray(),
                  &blocks)) {
        summary.accession = blocks.value(u"specimen"_s).toObject().value(u"accession"_s).toString();
    } else {
        summary.damaged = true;
    }
    if (withNames && !summary.damaged) {
        if (openBlock(key, id, u"patient"_s, clear.identityVersion, select.value(5).toByteArray(),
                      &blocks)) {
            const QJsonObject patient = blocks.value(u"patient"_s).toObject();
            summary.patientName = displayName(patient);
            summary.birthDate = patient.value(u"birthDate"_s).toString();
        } else {
            summary.damaged = true;
        }
    }
    return summary;
}

} // namespace

QList<RecordStore::Summary> RecordStore::page(const Query& query, int offset, int limit,
                                              bool withNames, QString* error)
{
    QList<Summary> result;
    if (!m_store.require(Permission::ViewIdentity, error))
        return result;
    const Vault& vault = *m_store.vault();
    Database& database = m_store.database();
    if (!query.search.trimmed().isEmpty()) {
        const QList<QUuid> ids =
            m_searchCacheKey == searchCacheKey(query) ? m_searchCache : searchIds(query, error);
        QSqlQuery& select = database.query(SummaryColumns + u" WHERE id = ?"_s);
        for (const QUuid& id : ids.mid(offset, limit)) {
            select.bindValue(0, idText(id));
            if (!database.exec(select, error))
                return result;
            if (select.next())
                result.append(summaryOf(select, vault, *m_store.recordKeys(), withNames));
            select.finish();
        }
        return result;
    }
    QVariantList values;
    const QString where = whereClause(query, vault, &values);
    // The page's rows are chosen on the index alone, then read: an OFFSET deep in the queue
    // skips index entries, never whole rows and their sealed blocks (on PostgreSQL it sorted
    // every row otherwise).
    const QString newestFirst = u" ORDER BY collected_at DESC, rowid DESC"_s;
    QSqlQuery& select =
        database.query(SummaryColumns + u" WHERE rowid IN (SELECT rowid FROM records"_s + where +
                       newestFirst + u" LIMIT ? OFFSET ?)"_s + newestFirst);
    for (int i = 0; i < values.size(); ++i)
        select.bindValue(i, values.at(i));
    select.bindValue(values.size(), limit);
    select.bindValue(values.size() + 1, offset);
    if (!database.exec(select, error))
        return result;
    while (select.next())
        result.append(summaryOf(select, vault, *m_store.recordKeys(), withNames));
    select.finish();
    return result;
}

QString RecordStore::searchCacheKey(const Query& query) const
{
    return query.search.trimmed() + u'|' +
           (query.status ? recordStatusName(*query.status) : QString()) + u'|' +
           query.collectedOn.toString(Qt::ISODate);
}

QList<QUuid> RecordStore::searchIds(const Query& query, QString* error)
{
    QList<QUuid> ids;
    const QList<SearchWord> words = searchWords(query.search);
    if (words.isEmpty() || !ensureSearchBuckets(error))
        return ids;
    // One bucket narrows the records to decrypt: that of the longest name part typed (the
    // most selective), and the tube label's end when one word is typed.
    QString narrowing;
    for (const SearchWord& word : words) {
        for (const QString& part : word.nameParts) {
            if (part.size() > narrowing.size())
                narrowing = part;
        }
    }
    const bool byTube = words.size() == 1 && words.first().tube.size() >= 2;
    QStringList buckets;
    if (narrowing.size() >= 2)
        buckets.append(searchBucket(narrowing));
    if (byTube)
        buckets.append(u"t:"_s + words.first().tube.right(2));
    if (buckets.isEmpty())
        return ids; // nothing of two letters to search for

    const Vault& vault = *m_store.vault();
    RecordKeys& keys = *m_store.recordKeys();
    Database& database = m_store.database();
    Query filters = query;
    filters.search.clear();
    filters.tubeLabel.clear();
    filters.patientName.clear();
    QVariantList values;
    QString where = whereClause(filters, vault, &values);
    QStringList marks;
    for (const QString& bucket : std::as_const(buckets)) {
        marks.append(u"?"_s);
        values.append(vault.searchBucket(bucket));
    }
    where += u" AND id IN (SELECT record_id FROM record_search WHERE bucket IN ("_s +
             marks.join(u", "_s) + u"))"_s;
    QSqlQuery& select =
        database.query(u"SELECT id, patient, specimen, identity_version, "_s +
                       RecordKeys::wrappedKeyColumn(u"records.id"_s) + u" FROM records"_s + where +
                       u" ORDER BY collected_at DESC, rowid DESC"_s);
    for (int i = 0; i < values.size(); ++i)
        select.bindValue(i, values.at(i));
    if (!database.exec(select, error))
        return ids;
    while (select.next()) {
        const QString id = select.value(0).toString();
        QJsonObject blocks;
        const int identityVersion = select.value(3).toInt();
        RecordKey key;
        QString keyError;
        if (!keys.keyFrom(id, select.value(4), &key, &keyError) ||
            !openBlock(key, id, u"patient"_s, identityVersion, select.value(1).toByteArray(),
                       &blocks) ||
            !openBlock(key, id, u"specimen"_s, identityVersion, select.value(2).toByteArray(),
                       &blocks)) {
            continue; // a damaged record is found by its status, not by a search
        }
        const QJsonObject patient = blocks.value(u"patient"_s).toObject();
        const QStringList recordWords = nameWords(patient.value(u"birthName"_s).toString(),
                                                  patient.value(u"usualName"_s).toString(),
                                                  patient.value(u"firstNames"_s).toString());
        const QString tube =
            tubeForm(blocks.value(u"specimen"_s).toObject().value(u"accession"_s).toString());
        const bool matches = std::all_of(words.cbegin(), words.cend(), [&](const SearchWord& word) {
            const bool byName =
                !word.nameParts.isEmpty() &&
                std::all_of(word.nameParts.cbegin(), word.nameParts.cend(),
                            [&](const QString& part) {
                                return std::any_of(
                                    recordWords.cbegin(), recordWords.cend(),
                                    [&](const QString& name) { return name.startsWith(part); });
                            });
            return byName || (byTube && tube.endsWith(word.tube));
        });
        if (matches)
            ids.append(QUuid::fromString(id));
    }
    select.finish();
    m_searchCacheKey = searchCacheKey(query);
    m_searchCache = ids;
    return ids;
}

bool RecordStore::writeSearchBuckets(const QString& id, const SamplingRecord& record, bool replace,
                                     QString* error)
{
    Database& database = m_store.database();
    if (replace) {
        QSqlQuery& erase = database.query(u"DELETE FROM record_search WHERE record_id = ?"_s);
        erase.bindValue(0, id);
        if (!database.exec(erase, error))
            return false;
    }
    const Vault& vault = *m_store.vault();
    QSqlQuery& insert = database.query(u"INSERT INTO record_search (bucket, record_id) "
                                       "VALUES (?, ?) ON CONFLICT DO NOTHING"_s);
    const QStringList buckets = bucketsOf(
        nameWords(record.patient.birthName, record.patient.usualName, record.patient.firstNames),
        record.specimen.accession);
    for (int i = 0; i < BucketsPerRecord; ++i) {
        QByteArray bucket;
        if (i < buckets.size()) {
            bucket = vault.searchBucket(buckets.at(i));
        } else {
            bucket.resize(Vault::SearchBucketSize);
            QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bucket.data()),
                                                  Vault::SearchBucketSize / 4);
        }
        insert.bindValue(0, bucket);
        insert.bindValue(1, id);
        if (!database.exec(insert, error))
            return false;
    }
    return true;
}

bool RecordStore::ensureSearchBuckets(QString* error)
{
    Database& database = m_store.database();
    if (database.metaValue(SearchBucketsReady) == "1")
        return true;
    // Records saved before the search existed: their buckets, once, in one transaction.
    Transaction transaction(database);
    if (!transaction.begin(error))
        return false;
    QSqlQuery& select = database.query(u"SELECT id, patient, specimen, identity_version, "_s +
                                       RecordKeys::wrappedKeyColumn(u"records.id"_s) +
                                       u" FROM records WHERE status <> 'purged' AND damaged = 0 "
                                       "AND id NOT IN (SELECT record_id FROM record_search)"_s);
    if (!database.exec(select, error))
        return false;
    QList<std::pair<QString, SamplingRecord>> missing;
    RecordKeys& keys = *m_store.recordKeys();
    while (select.next()) {
        const QString id = select.value(0).toString();
        QJsonObject blocks;
        const int identityVersion = select.value(3).toInt();
        RecordKey key;
        QString keyError;
        if (!keys.keyFrom(id, select.value(4), &key, &keyError) ||
            !openBlock(key, id, u"patient"_s, identityVersion, select.value(1).toByteArray(),
                       &blocks) ||
            !openBlock(key, id, u"specimen"_s, identityVersion, select.value(2).toByteArray(),
                       &blocks)) {
            continue;
        }
        QList<Problem> ignored;
        missing.append({id, SamplingRecord::fromJson(blocks, &ignored)});
    }
    select.finish();
    for (const auto& [id, record] : std::as_const(missing)) {
        if (!writeSearchBuckets(id, record, false, error))
            return false;
    }
    return database.setMetaValue(SearchBucketsReady, "1", error) && transaction.commit(error);
}

namespace {

// The sealed result of a saved record, as its row holds it.
QByteArray sealedResultOf(Database& database, const QString& recordId, QString* error)
{
    QByteArray sealedResult;
    QSqlQuery& select = database.query(u"SELECT result FROM records WHERE id = ?"_s);
    select.bindValue(0, recordId);
    if (database.exec(select, error) && select.next())
        sealedResult = select.value(0).toByteArray();
    select.finish();
    return sealedResult;
}

// A result counted under the old sampling day moves to the new one.
bool moveResultDay(Store& store, const SamplingRecord& previous, const SamplingRecord& record,
                   QString* error)
{
    const QString oldDay = previous.specimen.collectedAt.left(10);
    const QString newDay = record.specimen.collectedAt.left(10);
    if (oldDay != newDay && !previous.result.value.isEmpty()) {
        SiteStatistics statistics(store);
        if (!statistics.countResultChange(oldDay, previous.result.value, {}, error) ||
            !statistics.countResultChange(newDay, {}, previous.result.value, error)) {
            return false;
        }
    }
    return true;
}

// The audit entries of an amendment: the amendment with its reason, and the INS checks
// overridden for it.
QList<AuditLog::NewEntry> amendmentEntries(const QString& recordId, int version,
                                           const QString& reason, const QList<Problem>& problems,
                                           const QString& identityOverrideReason)
{
    QList<AuditLog::NewEntry> audit = {
        {u"record.amend"_s, recordId, u"version %1"_s.arg(version), reason}};
    QStringList overridden;
    for (const Problem& problem : problems) {
        if (problem.field == u"patient.ins"_s)
            overridden.append(problem.rule);
    }
    if (!overridden.isEmpty()) {
        audit.append({u"record.identityOverride"_s, recordId, overridden.join(u','),
                      identityOverrideReason});
    }
    return audit;
}

} // namespace

bool RecordStore::validateAmended(const QString& recordId, SamplingRecord* record,
                                  const SaveOptions& options, QList<Problem>* problems,
                                  QByteArray* tubeIndex, QString* error)
{
    Database& database = m_store.database();
    const Vault& vault = *m_store.vault();
    RecordValidator::Options validation;
    validation.now = options.now;
    validation.identityOverrideReason = options.identityOverrideReason;
    *problems = RecordValidator::validate(record, validation);
    if (!record->result.isEmpty()) {
        problems->append({Problem::Severity::Error, u"result"_s, u"result.notHere"_s,
                          tr("a result is corrected on its own, from the results screen")});
    }
    *tubeIndex = vault.tubeIndex(record->specimen.accession);
    QSqlQuery& findTube =
        database.query(u"SELECT 1 FROM records WHERE tube_index = ? AND id <> ?"_s);
    findTube.bindValue(0, *tubeIndex);
    findTube.bindValue(1, recordId);
    const bool taken = findTube.exec() && findTube.next();
    findTube.finish();
    if (taken) {
        problems->append({Problem::Severity::Error, u"specimen.accession"_s,
                          u"accession.duplicate"_s,
                          tr("this tube label is already used at this site")});
    }
    if (hasErrors(*problems)) {
        *error = tr("not saved: the record breaks the rules listed");
        return false;
    }
    if (!problems->isEmpty() && !options.acceptWarnings) {
        *error = tr("not saved: confirm the warnings listed to save anyway");
        return false;
    }
    return true;
}

bool RecordStore::keepPreviousVersion(const QString& recordId, const SamplingRecord& previous,
                                      const SamplingRecord& record, const QByteArray& sealedResult,
                                      const QString& reason, const SaveOptions& options,
                                      QByteArray* resultCbor, QString* error)
{
    Database& database = m_store.database();
    RecordKey key;
    if (!m_store.recordKeys()->keyOf(recordId, &key, error))
        return false;
    // The previous identifying blocks and result, re-sealed for their place in the history.
    const QString versionRow = recordId + u'/' + QString::number(previous.version);
    QCborMap blocks;
    for (SamplingRecord::Block block : IdentifyingBlocks)
        blocks.insert(SamplingRecord::blockName(block), previous.blockCbor(block));
    if (!key.open(RecordsTable, recordId, RecordSeal::boundColumn(u"result"_s, previous.version),
                  sealedResult, resultCbor)) {
        *error = tr("record %1 is damaged: its result does not decrypt").arg(recordId);
        return false;
    }
    if (!moveResultDay(m_store, previous, record, error))
        return false;
    QVariant versionReport(QMetaType::fromType<QByteArray>());
    if (!previous.result.reportPdf.isEmpty()) {
        versionReport =
            key.seal(RecordVersionsTable, versionRow, ReportColumn, previous.result.reportPdf);
    }
    QSqlQuery& keep = database.query(
        u"INSERT INTO record_versions (record_id, version, kind, result, report, reason, "
        "replaced_by, replaced_at, blocks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    keep.bindValue(0, recordId);
    keep.bindValue(1, previous.version);
    keep.bindValue(2, AmendmentKind);
    keep.bindValue(3, key.seal(RecordVersionsTable, versionRow, u"result"_s, *resultCbor));
    keep.bindValue(4, versionReport);
    keep.bindValue(5, key.seal(RecordVersionsTable, versionRow, u"reason"_s, reason.toUtf8()));
    keep.bindValue(6, m_store.currentUser().name);
    keep.bindValue(7, options.now.toString(Qt::ISODate));
    keep.bindValue(
        8, key.seal(RecordVersionsTable, versionRow, u"blocks"_s, blocks.toCborValue().toCbor()));
    return database.exec(keep, error);
}

bool RecordStore::writeAmended(const QString& recordId, const SamplingRecord& record,
                               const SamplingRecord& previous, const QByteArray& tubeIndex,
                               const QByteArray& resultCbor, const SaveOptions& options,
                               QString* error)
{
    Database& database = m_store.database();
    const Vault& vault = *m_store.vault();
    RecordKey key;
    if (!m_store.recordKeys()->keyOf(recordId, &key, error))
        return false;
    // The result and report are sealed for the version: sealed again for the new one.
    // The identifying blocks too, for the new version: those of before no longer open.
    QString sets = u"version = ?, tube_index = ?, collected_at = ?, collected_day = ?, "
                   "updated_at = ?, birth_name_index = ?, usual_name_index = ?, result = ?, "
                   "report = ?, identity_version = ?"_s;
    for (SamplingRecord::Block block : IdentifyingBlocks)
        sets += u", "_s + SamplingRecord::blockName(block) + u" = ?"_s;
    QSqlQuery& update = database.query(u"UPDATE records SET "_s + sets + u" WHERE id = ?"_s);
    int column = 0;
    update.bindValue(column++, record.version);
    update.bindValue(column++, tubeIndex);
    update.bindValue(column++, record.specimen.collectedAt);
    update.bindValue(column++, record.specimen.collectedAt.left(10));
    update.bindValue(column++, options.now.toString(Qt::ISODate));
    update.bindValue(column++, vault.nameIndex(record.patient.birthName));
    update.bindValue(column++, vault.nameIndex(record.patient.usualName));
    update.bindValue(column++,
                     key.seal(RecordsTable, recordId,
                              RecordSeal::boundColumn(u"result"_s, record.version), resultCbor));
    update.bindValue(column++,
                     previous.result.reportPdf.isEmpty()
                         ? QVariant(QMetaType::fromType<QByteArray>())
                         : QVariant(key.seal(RecordsTable, recordId,
                                             RecordSeal::boundColumn(ReportColumn, record.version),
                                             previous.result.reportPdf)));
    update.bindValue(column++, record.version);
    for (SamplingRecord::Block block : IdentifyingBlocks) {
        update.bindValue(column++, key.seal(RecordsTable, recordId,
                                            sealedColumn(block, record.version, record.version),
                                            record.blockCbor(block)));
    }
    update.bindValue(column++, recordId);
    return database.exec(update, error);
}

bool RecordStore::amend(const QUuid& id, SamplingRecord* record, const QString& reason,
                        const SaveOptions& options, QList<Problem>* problems, QString* error)
{
    problems->clear();
    if (!m_store.require(Permission::CreateRecord, error))
        return false;
    if (reason.trimmed().isEmpty()) {
        problems->append({Problem::Severity::Error, u"reason"_s, u"required"_s,
                          tr("a correction of a saved record needs a reason")});
        *error = tr("not saved: the correction breaks the rules listed");
        return false;
    }
    Database& database = m_store.database();
    const QString recordId = idText(id);
    Transaction transaction(database);
    if (!transaction.begin(error))
        return false;
    SamplingRecord previous;
    QString damagedBlock;
    if (!openBlocks(id, &previous, &damagedBlock, error))
        return false;
    const QByteArray sealedResult = sealedResultOf(database, recordId, error);

    QByteArray tubeIndex;
    if (!validateAmended(recordId, record, options, problems, &tubeIndex, error))
        return false;

    // The national server receives the amendment as the record's next version, with its
    // reason; queued first, while the record still shows what an unsent version said.
    if (!Outbox(m_store).addVersion(id, previous.version + 1, Outbox::Kind::Amendment,
                                    reason.trimmed(), options.now, error)) {
        return false;
    }
    QByteArray resultCbor;
    if (!keepPreviousVersion(recordId, previous, *record, sealedResult, reason.trimmed(), options,
                             &resultCbor, error))
        return false;

    record->id = id;
    record->status = previous.status;
    record->version = previous.version + 1;
    if (!writeAmended(recordId, *record, previous, tubeIndex, resultCbor, options, error) ||
        !RecordSeal::sealRow(m_store, recordId, error) ||
        !writeSearchBuckets(recordId, *record, true, error))
        return false;

    if (!m_store.audit(amendmentEntries(recordId, record->version, reason.trimmed(), *problems,
                                        options.identityOverrideReason),
                       error) ||
        !transaction.commit(error))
        return false;
    m_searchCacheKey.clear();
    qCInfo(lcStore) << "record amended" << recordId << "version" << record->version;
    Q_EMIT recordSaved(id);
    return true;
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
    // collected_at carries its offset: compared as instants.
    const QString collectedAt = database.instantOf(u"collected_at"_s);
    QSqlQuery& select = database.query(
        u"SELECT id, collected_at, specimen, identity_version, "_s +
        RecordKeys::wrappedKeyColumn(u"records.id"_s) +
        u" FROM records WHERE status = 'sampled' AND damaged = 0 AND "_s + collectedAt + u" < "_s +
        database.instantOf(u"?"_s) + u" ORDER BY "_s + collectedAt);
    select.bindValue(0, sampledBefore.toUTC().toString(Qt::ISODate));
    if (!database.exec(select, error))
        return found;
    RecordKeys& keys = *m_store.recordKeys();
    while (select.next()) {
        AwaitingResult waiting;
        waiting.id = QUuid::fromString(select.value(0).toString());
        waiting.collectedAt = select.value(1).toString();
        QByteArray cbor;
        QJsonObject merged;
        RecordKey key;
        QString keyError;
        if (keys.keyFrom(idText(waiting.id), select.value(4), &key, &keyError) &&
            key.open(RecordsTable, idText(waiting.id),
                     RecordSeal::identityColumn(u"specimen"_s, select.value(3).toInt()),
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

    QString error;
    // Rows the loop above did not open (purged ones), or whose version is behind what the
    // outbox queued for them (the whole row put back as it was, hash included).
    QSet<QUuid> reported;
    for (const auto& [id, block] : std::as_const(report.damaged))
        reported.insert(id);
    const auto addDamaged = [&](const QStringList& rows, const QString& what) {
        for (const QString& row : rows) {
            const QUuid id = QUuid::fromString(row);
            if (reported.contains(id))
                continue;
            reported.insert(id);
            report.damaged.append({id, what});
            qCWarning(lcStore) << "record" << row << "is damaged in" << what;
        }
    };
    addDamaged(RecordSeal::damagedRows(m_store, &error), u"row"_s);
    addDamaged(RecordSeal::behindOutbox(m_store, &error), u"version"_s);
    for (const QString& missing : RecordSeal::missingRecords(m_store, &error)) {
        report.missing.append(QUuid::fromString(missing));
        qCWarning(lcStore) << "record" << missing << "was created and has no row any more";
    }
    if (!error.isEmpty()) {
        report.fileProblems.append(error);
        error.clear();
    }
    const QList<Outbox::Entry> damagedVersions = Outbox(m_store).damagedVersions(&error);
    if (!error.isEmpty())
        report.fileProblems.append(error);
    for (const Outbox::Entry& entry : damagedVersions) {
        report.damagedSendStates.append({QUuid::fromString(entry.recordId), entry.version});
        qCWarning(lcStore) << "record" << entry.recordId << "version" << entry.version
                           << "has a send state that does not match its seal";
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

bool RecordStore::dayCounts(Store& store, const QDate& day, DayCounts* counts, QString* error)
{
    *counts = DayCounts{};
    Database& database = store.database();
    // The hour as the sampling time was written (the site's local time, with its offset).
    QSqlQuery& byHour =
        database.query(u"SELECT substr(collected_at, 12, 2), count(*), sum(CASE WHEN status = "
                       u"'sampled' THEN 1 ELSE 0 END) FROM records "
                       "WHERE collected_day = ? AND collected_at IS NOT NULL GROUP BY 1"_s);
    byHour.bindValue(0, day.toString(Qt::ISODate));
    if (!database.exec(byHour, error))
        return false;
    while (byHour.next()) {
        bool ok = false;
        const int hour = byHour.value(0).toString().toInt(&ok);
        const int samples = byHour.value(1).toInt();
        if (ok && hour >= 0 && hour < 24)
            counts->samplesPerHour[hour] += samples;
        counts->samples += samples;
        counts->awaitingResult += byHour.value(2).toInt();
    }
    byHour.finish();
    return true;
}
