#include "StoreMerge.h"

#include "ActivationCodes.h"
#include "AuditLog.h"
#include "Database.h"
#include "Logging.h"
#include "Outbox.h"
#include "RecordKeys.h"
#include "RecordSeal.h"
#include "RecordStore.h"
#include "ResultStore.h"
#include "SiteStatistics.h"
#include "Store.h"
#include "StoreFormat.h"
#include "StoreIdentity.h"
#include "StoreMigration.h"
#include "Vault.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

QByteArray digestOf(const SamplingRecord& record)
{
    return QCryptographicHash::hash(QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact),
                                    QCryptographicHash::Sha256);
}

const QString MergedAction = u"station.merged"_s;
// How many conflicting labels or accounts a refusal names before "and N more".
constexpr int NamedAtMost = 5;

QString named(QStringList names)
{
    const qsizetype more = names.size() - NamedAtMost;
    if (more > 0) {
        names = names.first(NamedAtMost);
        names.append(StoreMerge::tr("and %n more", nullptr, int(more)));
    }
    return names.join(u", "_s);
}

} // namespace

StoreMerge::StoreMerge(Store& station, Store& site, Report* report)
    : m_station(station)
    , m_site(site)
    , m_from(station.database())
    , m_to(site.database())
    , m_report(*report)
{}

bool StoreMerge::merge(Store& station, Store& site, Report* report, QString* error)
{
    *report = {};
    StoreMerge merge(station, site, report);
    if (!merge.checkStores(error))
        return false;
    // The station's file is held (no other writer) from the first read to the end, so that
    // what is carried is one consistent state of it; nothing is written to it.
    Transaction stationHeld(merge.m_from);
    if (!stationHeld.begin(error) || !merge.readStation(error))
        return false;
    Transaction transaction(merge.m_to);
    if (!transaction.begin(error))
        return false;
    // The order of the site's constraints: records, then what references them.
    if (!merge.refuseConflicts(error) || !merge.copyRecords(error) || !merge.copyKeys(error) ||
        !merge.copyHistory(error) || !merge.copyOutbox(error) || !merge.copyCodes(error) ||
        !merge.copyDraftsAndCounts(error) || !merge.carryAudit(error) || !merge.carryMeta(error) ||
        !merge.checkMerged(error) || !transaction.commit(error)) {
        return false;
    }
    merge.listAccountsToCreate();
    qCInfo(lcModel) << "a station's store merged into the site database:" << report->records
                    << "records";
    return true;
}

bool StoreMerge::checkStores(QString* error)
{
    if (!m_station.require(Permission::ManageSettings, error) ||
        !m_site.require(Permission::ManageSettings, error))
        return false;
    if (m_from.engine() != Database::Engine::Sqlite) {
        *error = tr("the store is already a site database");
        return false;
    }
    if (m_to.engine() != Database::Engine::Postgres) {
        *error = tr("--to: a site database address, postgresql://user@host/name");
        return false;
    }
    if (const QString refusal =
            StoreMigration::otherSiteRefusal(m_site.siteFiness(), m_station.siteFiness());
        !refusal.isEmpty()) {
        *error = refusal;
        return false;
    }
    // Only what checks out is carried: a damaged record or a cut chain stays a problem of
    // the file, where db verify and audit verify show it.
    if (!m_station.records()->verify().isIntact() || !m_station.auditLog()->verify().isEmpty()) {
        *error = tr("this station's store does not check out (run sidepctl db verify and audit "
                    "verify on it): nothing was merged");
        return false;
    }
    StoreIdentity::Checkpoint identity;
    if (!StoreIdentity::current(m_station, &identity, error))
        return false;
    m_stationStoreId = identity.storeId;
    return StoreMigration::columnTypes(m_to, &m_types, error);
}

bool StoreMerge::readStation(QString* error)
{
    QSqlQuery& select = m_from.query(u"SELECT id, status FROM records ORDER BY rowid"_s);
    if (!m_from.exec(select, error))
        return false;
    while (select.next())
        m_records.append(
            {select.value(0).toString(), select.value(1).toString() == u"purged"_s, {}, {}});
    select.finish();
    const Vault& from = *m_station.vault();
    const Vault& to = *m_site.vault();
    for (StationRecord& record : m_records) {
        // A code used before holder tokens names the record: it gets the site's token as the
        // station would have at its next signed-in use. Result entries of before the token
        // stay under the id, which the site reads too.
        const QString siteHolder = ActivationCodes::holderToken(to, record.id);
        m_holderTokens.insert(ActivationCodes::holderToken(from, record.id), siteHolder);
        m_holderTokens.insert(record.id, siteHolder);
        m_entriesTokens.insert(ResultStore::entriesKey(from, record.id),
                               ResultStore::entriesKey(to, record.id));
        if (record.purged)
            continue;
        QString damagedBlock;
        if (!m_station.records()->openBlocks(QUuid::fromString(record.id), &record.record,
                                             &damagedBlock, error)) {
            return false;
        }
        // A station's reports would not all fit in memory at once.
        record.digest = digestOf(record.record);
        record.record.result.reportPdf.clear();
    }
    QSqlQuery& drafts = m_from.query(u"SELECT owner FROM drafts"_s);
    if (!m_from.exec(drafts, error))
        return false;
    while (drafts.next())
        m_draftOwners.insert(drafts.value(0).toString());
    drafts.finish();
    return true;
}

bool StoreMerge::refuseConflicts(QString* error)
{
    QSqlQuery& sameId = m_to.query(u"SELECT 1 FROM records WHERE id = ?"_s);
    QSqlQuery& sameTube = m_to.query(u"SELECT 1 FROM records WHERE tube_index = ?"_s);
    QStringList tubes;
    for (const StationRecord& record : std::as_const(m_records)) {
        sameId.bindValue(0, record.id);
        if (!m_to.exec(sameId, error))
            return false;
        const bool known = sameId.next();
        sameId.finish();
        if (known) {
            *error = tr("the site database already holds this station's records (it was moved "
                        "or merged into it before): nothing was merged");
            return false;
        }
        if (record.purged)
            continue;
        sameTube.bindValue(0, m_site.vault()->tubeIndex(record.record.specimen.accession));
        if (!m_to.exec(sameTube, error))
            return false;
        if (sameTube.next())
            tubes.append(record.record.specimen.accession);
        sameTube.finish();
    }
    if (!tubes.isEmpty()) {
        // Two tubes under one label: which patient a result belongs to must be settled by
        // people, never by the merge.
        *error = tr("refused: %n tube label(s) of this station are already used at the site "
                    "(%1); settle each of these tubes first: nothing was merged",
                    nullptr, int(tubes.size()))
                     .arg(named(tubes));
        return false;
    }
    QStringList owners;
    QSqlQuery& draft = m_to.query(u"SELECT 1 FROM drafts WHERE owner = ?"_s);
    for (const QString& owner : std::as_const(m_draftOwners)) {
        draft.bindValue(0, owner);
        if (!m_to.exec(draft, error))
            return false;
        if (draft.next())
            owners.append(owner);
        draft.finish();
    }
    if (!owners.isEmpty()) {
        owners.sort();
        *error = tr("refused: %1 have a form in progress both here and at the site; finish or "
                    "discard one of them first: nothing was merged")
                     .arg(named(owners));
        return false;
    }
    return true;
}

int StoreMerge::copyRows(const QString& table, const QString& order, const QStringList& skipped,
                         const QString& onConflict, const Adjust& adjust, QString* error)
{
    QSqlQuery& select = m_from.query(u"SELECT * FROM "_s + table + u" ORDER BY "_s + order);
    if (!m_from.exec(select, error))
        return -1;
    const QSqlRecord shape = select.record();
    QStringList columns;
    for (int i = 0; i < shape.count(); ++i) {
        if (!skipped.contains(shape.fieldName(i)))
            columns.append(shape.fieldName(i));
    }
    const QStringList marks(columns.size(), u"?"_s);
    QSqlQuery& insert = m_to.query(u"INSERT INTO "_s + table + u" ("_s + columns.join(u", "_s) +
                                   u") VALUES ("_s + marks.join(u", "_s) + u") "_s + onConflict);
    int rows = 0;
    while (select.next()) {
        QHash<QString, QVariant> row;
        for (int i = 0; i < shape.count(); ++i)
            row.insert(shape.fieldName(i), select.value(i));
        QHash<QString, QVariant> values;
        const RowFate fate = adjust ? adjust(row, &values, error) : RowFate::Copy;
        if (fate == RowFate::Fail) {
            select.finish();
            return -1;
        }
        if (fate == RowFate::Leave)
            continue;
        for (int i = 0; i < columns.size(); ++i) {
            const QString& column = columns.at(i);
            insert.bindValue(i, StoreMigration::forColumn(values.value(column, row.value(column)),
                                                          m_types.value(table + u'.' + column)));
        }
        if (!m_to.exec(insert, error)) {
            select.finish();
            *error = tr("table %1: %2").arg(table, *error);
            return -1;
        }
        ++rows;
    }
    select.finish();
    return rows;
}

QString StoreMerge::siteToken(const QHash<QString, QString>& tokens, const QString& stationToken)
{
    // A token of no record of the station (a purged record's code, linked to no one) means
    // nothing to the site either, and stays as it is.
    return tokens.value(stationToken, stationToken);
}

bool StoreMerge::copyRecords(QString* error)
{
    QHash<QString, const StationRecord*> byId;
    for (const StationRecord& record : std::as_const(m_records))
        byId.insert(record.id, &record);
    const Vault& to = *m_site.vault();
    // The blocks move as they are; the keyed hashes are the site's.
    const int rows = copyRows(
        u"records"_s, u"rowid"_s, {}, {},
        [&](const QHash<QString, QVariant>& row, QHash<QString, QVariant>* values, QString*) {
            const StationRecord* record = byId.value(row.value(u"id"_s).toString());
            if (record && !record->purged) {
                const auto& patient = record->record.patient;
                values->insert(u"tube_index"_s, to.tubeIndex(record->record.specimen.accession));
                values->insert(u"birth_name_index"_s, to.nameIndex(patient.birthName));
                values->insert(u"usual_name_index"_s, to.nameIndex(patient.usualName));
            }
            values->insert(u"row_mac"_s, QVariant(QMetaType::fromType<QByteArray>()));
            return RowFate::Copy;
        },
        error);
    if (rows < 0)
        return false;
    m_report.records = rows;
    for (const StationRecord& record : std::as_const(m_records)) {
        if (!RecordSeal::sealRow(m_site, record.id, error) ||
            (!record.purged &&
             !m_site.records()->writeSearchBuckets(record.id, record.record, false, error))) {
            return false;
        }
    }
    return true;
}

bool StoreMerge::copyKeys(QString* error)
{
    const Vault& from = *m_station.vault();
    const Vault& to = *m_site.vault();
    QSet<QString> keyed;
    const int rows = copyRows(
        u"record_keys"_s, u"record_id"_s, {}, {},
        [&](const QHash<QString, QVariant>& row, QHash<QString, QVariant>* values,
            QString* rowError) {
            const QString id = row.value(u"record_id"_s).toString();
            QByteArray rewrapped;
            if (!RecordKeys::rewrap(from, to, id, row.value(u"wrapped"_s).toByteArray(),
                                    &rewrapped)) {
                *rowError = tr("the key of record %1 does not open: nothing was merged").arg(id);
                return RowFate::Fail;
            }
            values->insert(u"wrapped"_s, rewrapped);
            keyed.insert(id);
            return RowFate::Copy;
        },
        error);
    if (rows < 0)
        return false;
    // Records and drafts written before keys of their own are under the station's field key.
    QStringList underFieldKey;
    for (const StationRecord& record : std::as_const(m_records)) {
        if (!record.purged && !keyed.contains(record.id))
            underFieldKey.append(record.id);
    }
    m_report.underSharedKey = int(underFieldKey.size());
    for (const QString& owner : std::as_const(m_draftOwners)) {
        if (!keyed.contains(RecordKeys::draftKeyId(owner)))
            underFieldKey.append(RecordKeys::draftKeyId(owner));
    }
    QSqlQuery& insert = m_to.query(u"INSERT INTO record_keys (record_id, wrapped) VALUES (?, ?)"_s);
    for (const QString& id : std::as_const(underFieldKey)) {
        insert.bindValue(0, id);
        insert.bindValue(1, RecordKeys::wrapFieldKey(from, to, id));
        if (!m_to.exec(insert, error))
            return false;
    }
    return true;
}

bool StoreMerge::copyHistory(QString* error)
{
    if (copyRows(u"record_versions"_s, u"rowid"_s, {}, {}, {}, error) < 0)
        return false;
    // A positive waiting for its second entry: the entry waits under the site's token.
    if (copyRows(
            u"result_entries"_s, u"rowid"_s, {}, {},
            [&](const QHash<QString, QVariant>& row, QHash<QString, QVariant>* values, QString*) {
                values->insert(u"record_id"_s,
                               siteToken(m_entriesTokens, row.value(u"record_id"_s).toString()));
                return RowFate::Copy;
            },
            error) < 0) {
        return false;
    }
    return copyRows(u"signin_refusals"_s, u"id"_s, {u"id"_s}, {}, {}, error) >= 0;
}

bool StoreMerge::copyOutbox(QString* error)
{
    const Vault& from = *m_station.vault();
    const Vault& to = *m_site.vault();
    const int rows = copyRows(
        u"outbox"_s, u"rowid"_s, {}, {},
        [&](const QHash<QString, QVariant>& row, QHash<QString, QVariant>* values,
            QString* rowError) {
            const QVariant mac = row.value(u"state_mac"_s);
            if (mac.isNull())
                return RowFate::Copy; // a version from before the seals, as the station has it
            const QString id = row.value(u"record_id"_s).toString();
            const int version = row.value(u"version"_s).toInt();
            const QString state = row.value(u"state"_s).toString();
            const QString acknowledgedAt = row.value(u"acknowledged_at"_s).toString();
            if (!Outbox::stateIsAuthentic(from, id, version, state, acknowledgedAt,
                                          mac.toByteArray())) {
                *rowError = tr("the send state of record %1 version %2 was altered: nothing "
                               "was merged")
                                .arg(id)
                                .arg(version);
                return RowFate::Fail;
            }
            values->insert(u"state_mac"_s,
                           Outbox::stateMac(to, id, version, state, acknowledgedAt));
            return RowFate::Copy;
        },
        error);
    if (rows < 0)
        return false;
    m_report.outboxVersions = rows;
    return true;
}

bool StoreMerge::copyCodes(QString* error)
{
    // The same national delivery may have been imported at both stations: a code the site
    // holds stays once, used if either used it.
    QSqlQuery& held = m_to.query(
        u"SELECT qr_code, used_by FROM activation_codes WHERE qr_code = ? OR raw_code = ?"_s);
    QSqlQuery& use = m_to.query(u"UPDATE activation_codes SET used_by = ?, used_at = ?, "
                                "reported = ? WHERE qr_code = ?"_s);
    const int rows = copyRows(
        u"activation_codes"_s, u"rowid"_s, {}, {},
        [&](const QHash<QString, QVariant>& row, QHash<QString, QVariant>* values,
            QString* rowError) {
            const QVariant usedBy = row.value(u"used_by"_s);
            const QString token =
                usedBy.isNull() ? QString() : siteToken(m_holderTokens, usedBy.toString());
            if (!usedBy.isNull())
                values->insert(u"used_by"_s, token);
            held.bindValue(0, row.value(u"qr_code"_s));
            held.bindValue(1, row.value(u"raw_code"_s));
            if (!m_to.exec(held, rowError))
                return RowFate::Fail;
            if (!held.next()) {
                held.finish();
                return RowFate::Copy;
            }
            const QString siteCode = held.value(0).toString();
            const bool usedAtSite = !held.value(1).isNull();
            held.finish();
            if (usedBy.isNull())
                return RowFate::Leave;
            if (usedAtSite) {
                ++m_report.codesUsedAtBoth;
                return RowFate::Leave;
            }
            use.bindValue(0, token);
            use.bindValue(1, row.value(u"used_at"_s));
            use.bindValue(2, row.value(u"reported"_s));
            use.bindValue(3, siteCode);
            return m_to.exec(use, rowError) ? RowFate::Leave : RowFate::Fail;
        },
        error);
    if (rows < 0)
        return false;
    m_report.codes = rows;
    // Positives waiting for a code wait at the site, under its token.
    QSqlQuery& waiting = m_from.query(u"SELECT token, record FROM activation_waiting"_s);
    if (!m_from.exec(waiting, error))
        return false;
    QStringList waitingIds;
    while (waiting.next()) {
        QByteArray id;
        if (!m_station.vault()->open(StoreFormat::ActivationWaitingTable,
                                     waiting.value(0).toString(), u"record"_s,
                                     waiting.value(1).toByteArray(), &id)) {
            waiting.finish();
            *error = tr("a positive waiting for a code does not open: nothing was merged");
            return false;
        }
        waitingIds.append(QString::fromUtf8(id));
    }
    waiting.finish();
    ActivationCodes codes(m_site);
    for (const QString& id : std::as_const(waitingIds)) {
        if (!codes.setWaiting(id, true, error))
            return false;
    }
    return true;
}

bool StoreMerge::copyDraftsAndCounts(QString* error)
{
    // Owners were checked: none has a form in progress on both sides.
    return copyRows(u"drafts"_s, u"owner"_s, {}, {}, {}, error) >= 0 &&
           copyRows(u"purged_results"_s, u"day, analysis, value"_s, {},
                    u"ON CONFLICT (day, analysis, value) DO UPDATE SET records = "
                    "purged_results.records + excluded.records"_s,
                    {}, error) >= 0;
}

bool StoreMerge::carryAudit(QString* error)
{
    QList<AuditLog::WrittenEntry> entries;
    if (!m_station.auditLog()->writtenEntries(&entries, error))
        return false;
    // The segment follows the entry that says where it comes from, and that the station's
    // chain verified up to its last entry.
    m_report.auditEntries = int(entries.size());
    return m_site.audit(MergedAction, {},
                        u"store %1, audit entries 1 to %2 verified and carried, %3 records"_s
                            .arg(m_stationStoreId)
                            .arg(entries.size())
                            .arg(m_report.records),
                        error) &&
           m_site.auditLog()->appendWritten(entries, error);
}

bool StoreMerge::carryMeta(QString* error)
{
    // Label numbers go on after the higher of the two, so that neither station's printed
    // labels are printed again.
    bool ok = false;
    const qint64 station = m_from.metaValue(u"labels.next"_s).toLongLong(&ok);
    const qint64 site = m_to.metaValue(u"labels.next"_s).toLongLong();
    if (ok && station > site &&
        !m_to.setMetaValue(u"labels.next"_s, QByteArray::number(station), error)) {
        return false;
    }
    // The sealed count of results is counted again from the records at its next use.
    QSqlQuery& forget = m_to.query(u"DELETE FROM meta WHERE key = ?"_s);
    forget.bindValue(0, SiteStatistics::TallyKey);
    return m_to.exec(forget, error);
}

bool StoreMerge::checkMerged(QString* error)
{
    // A purged row's hash was just written from the row itself (sealRow): nothing to read
    // back. openBlocks checks the row's hash of every other record before its blocks.
    for (const StationRecord& record : std::as_const(m_records)) {
        if (record.purged)
            continue;
        SamplingRecord there;
        QString damagedBlock;
        if (!m_site.records()->openBlocks(QUuid::fromString(record.id), &there, &damagedBlock,
                                          error) ||
            digestOf(there) != record.digest) {
            *error = tr("record %1 does not read back at the site as on this station: nothing "
                        "was merged")
                         .arg(record.id);
            return false;
        }
    }
    QString outboxError;
    if (!Outbox(m_site).damagedVersions(&outboxError).isEmpty() || !outboxError.isEmpty() ||
        !m_site.auditLog()->verify().isEmpty()) {
        *error = tr("the site database does not check out after the merge: nothing was merged");
        return false;
    }
    return true;
}

void StoreMerge::listAccountsToCreate()
{
    QSet<QString> atSite;
    for (const Account& account : m_site.users())
        atSite.insert(account.name);
    for (const Account& account : m_station.users()) {
        if (!atSite.contains(account.name) && !account.disabled)
            m_report.accountsToCreate.append(account.name);
    }
    m_report.accountsToCreate.sort();
}
