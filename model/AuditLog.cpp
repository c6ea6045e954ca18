#include "AuditLog.h"

#include "Crypto.h"
#include "Database.h"
#include "Logging.h"
#include "StoreFormat.h"
#include "Vault.h"

#include <QCborMap>
#include <QCborValue>
#include <QDataStream>
#include <QIODevice>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

const QString HeadKey = u"audit.head"_s;
// Written into the chain when the log is found cut or edited; verify() reports it for ever.
const QString TamperedAction = u"audit.tampered"_s;

// The head as stored in meta: seq (8 bytes) || last MAC (32) || head MAC (32).
struct Head
{
    qint64 seq = 0;
    QByteArray lastMac;
    QByteArray mac;
};

QByteArray encodeHead(const Head& head)
{
    QByteArray bytes;
    QDataStream stream(&bytes, QIODevice::WriteOnly);
    stream << head.seq << head.lastMac << head.mac;
    return bytes;
}

Head decodeHead(const QByteArray& bytes)
{
    Head head;
    if (bytes.isEmpty())
        return head;
    QDataStream stream(bytes);
    stream >> head.seq >> head.lastMac >> head.mac;
    return head;
}

// What a sealed entry's encrypted note holds.
QByteArray sealedContent(const AuditLog::NewEntry& entry)
{
    QCborMap content;
    content.insert(QStringLiteral("action"), entry.action);
    content.insert(QStringLiteral("record"), entry.recordId);
    content.insert(QStringLiteral("detail"), entry.detail);
    content.insert(QStringLiteral("note"), entry.note);
    return QCborValue(content).toCbor();
}

void restoreSealed(AuditLog::Entry* entry, const QByteArray& content)
{
    const QCborMap map = QCborValue::fromCbor(content).toMap();
    entry->sealed = true;
    entry->action = map.value(QStringLiteral("action")).toString();
    entry->recordId = map.value(QStringLiteral("record")).toString();
    entry->detail = map.value(QStringLiteral("detail")).toString();
    entry->note = map.value(QStringLiteral("note")).toString();
}

} // namespace

const QString AuditLog::SealedAction = u"sealed"_s;

AuditLog::AuditLog(Database& database, const Vault& vault)
    : m_database(database)
    , m_vault(vault)
{}

QByteArray AuditLog::entryMac(const QByteArray& previousMac, const Entry& entry,
                              const QByteArray& sealedNote) const
{
    // Length-prefixed fields: no two different entries serialise to the same bytes.
    QByteArray bytes;
    QDataStream stream(&bytes, QIODevice::WriteOnly);
    stream << previousMac << entry.seq << entry.at << entry.actor << entry.action << entry.recordId
           << entry.detail << sealedNote;
    return m_vault.auditMac(bytes);
}

qint64 AuditLog::headSequence() const
{
    const QByteArray bytes = m_database.metaValue(HeadKey);
    if (bytes.isEmpty())
        return 0;
    const Head head = decodeHead(bytes);
    if (!Crypto::equalConstantTime(headMac(head.seq, head.lastMac), head.mac))
        return -1;
    return head.seq;
}

QByteArray AuditLog::headMac(qint64 seq, const QByteArray& lastMac) const
{
    QByteArray bytes;
    QDataStream stream(&bytes, QIODevice::WriteOnly);
    stream << QByteArray("audit-head") << seq << lastMac;
    return m_vault.auditMac(bytes);
}

bool AuditLog::append(const QString& actor, const QString& action, const QString& recordId,
                      const QString& detail, QString* error, const QString& note)
{
    return append(actor, {NewEntry{action, recordId, detail, note}}, error);
}

bool AuditLog::append(const QString& actor, const QList<NewEntry>& entries, QString* error)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QList<WrittenEntry> toWrite;
    toWrite.reserve(entries.size());
    for (const NewEntry& entry : entries) {
        toWrite.append(entry.sealed
                           ? WrittenEntry{now, actor, SealedAction, {}, {}, sealedContent(entry)}
                           : WrittenEntry{now, actor, entry.action, entry.recordId, entry.detail,
                                          entry.note.toUtf8()});
    }
    return write(std::move(toWrite), error);
}

bool AuditLog::appendWritten(const QList<WrittenEntry>& entries, QString* error)
{
    return write(entries, error);
}

bool AuditLog::write(QList<WrittenEntry> toWrite, QString* error)
{
    // Chain to the last entry actually in the table. If it does not match the head, the
    // log was cut or edited behind the program's back: say so inside the chain itself
    // before going on, so that the evidence survives this append (work is never blocked).
    QSqlQuery& last = m_database.query(u"SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1"_s);
    qint64 lastSeq = 0;
    QByteArray lastMac;
    if (last.exec() && last.next()) {
        lastSeq = last.value(0).toLongLong();
        lastMac = last.value(1).toByteArray();
    }
    last.finish();
    const QByteArray headBytes = m_database.metaValue(HeadKey);
    const Head head = decodeHead(headBytes);
    const bool freshLog = headBytes.isEmpty() && lastSeq == 0;
    const bool headMatches =
        freshLog || (Crypto::equalConstantTime(headMac(head.seq, head.lastMac), head.mac) &&
                     head.seq == lastSeq && head.lastMac == lastMac);
    if (!headMatches) {
        qCWarning(lcAudit) << "the audit log does not end where its head says";
        const WrittenEntry& first = toWrite.first();
        toWrite.prepend({first.at,
                         first.actor,
                         TamperedAction,
                         {},
                         u"head at %1, table ends at %2"_s.arg(head.seq).arg(lastSeq),
                         {}});
    }

    QSqlQuery& insert = m_database.query(
        u"INSERT INTO audit (seq, at, actor, action, record_id, detail, note, mac) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const WrittenEntry& written : std::as_const(toWrite)) {
        const qint64 seq = lastSeq + 1;
        const Entry entry{
            seq, written.at, written.actor, written.action, written.recordId, written.detail, {}};
        const QByteArray sealedNote =
            written.note.isEmpty() ? QByteArray()
                                   : m_vault.seal(StoreFormat::AuditTable, QString::number(seq),
                                                  u"note"_s, written.note);
        const QByteArray mac = entryMac(lastMac, entry, sealedNote);
        insert.bindValue(0, entry.seq);
        insert.bindValue(1, entry.at);
        insert.bindValue(2, entry.actor);
        insert.bindValue(3, entry.action);
        insert.bindValue(4, entry.recordId);
        insert.bindValue(5, entry.detail);
        insert.bindValue(6, sealedNote.isEmpty() ? QVariant() : QVariant(sealedNote));
        insert.bindValue(7, mac);
        if (!m_database.exec(insert, error))
            return false;
        lastSeq = entry.seq;
        lastMac = mac;
    }
    const Head newHead{lastSeq, lastMac, headMac(lastSeq, lastMac)};
    return m_database.setMetaValue(HeadKey, encodeHead(newHead), error);
}

bool AuditLog::writtenEntries(QList<WrittenEntry>* entries, QString* error)
{
    entries->clear();
    QSqlQuery& select = m_database.query(
        u"SELECT seq, at, actor, action, record_id, detail, note FROM audit ORDER BY seq"_s);
    if (!m_database.exec(select, error))
        return false;
    while (select.next()) {
        WrittenEntry entry{select.value(1).toString(), select.value(2).toString(),
                           select.value(3).toString(), select.value(4).toString(),
                           select.value(5).toString(), {}};
        const QByteArray sealedNote = select.value(6).toByteArray();
        if (!sealedNote.isEmpty() &&
            !m_vault.open(StoreFormat::AuditTable, select.value(0).toString(), u"note"_s,
                          sealedNote, &entry.note)) {
            *error = tr("audit entry %1 does not open").arg(select.value(0).toLongLong());
            select.finish();
            return false;
        }
        entries->append(entry);
    }
    select.finish();
    return true;
}

QList<AuditLog::Entry> AuditLog::entries(qint64 fromSeq, int limit)
{
    QSqlQuery& select =
        m_database.query(u"SELECT seq, at, actor, action, record_id, detail, note FROM audit "
                         "WHERE seq >= ? ORDER BY seq LIMIT ?"_s);
    select.bindValue(0, fromSeq);
    select.bindValue(1, limit);
    QList<Entry> result;
    if (select.exec()) {
        while (select.next()) {
            Entry entry{select.value(0).toLongLong(),
                        select.value(1).toString(),
                        select.value(2).toString(),
                        select.value(3).toString(),
                        select.value(4).toString(),
                        select.value(5).toString(),
                        {}};
            QByteArray note;
            if (m_vault.open(StoreFormat::AuditTable, QString::number(entry.seq), u"note"_s,
                             select.value(6).toByteArray(), &note)) {
                if (entry.action == SealedAction)
                    restoreSealed(&entry, note);
                else
                    entry.note = QString::fromUtf8(note);
            }
            result.append(entry);
        }
    }
    select.finish();
    return result;
}

QStringList AuditLog::verify()
{
    QStringList problems;
    QSqlQuery& select =
        m_database.query(u"SELECT seq, at, actor, action, record_id, detail, note, mac FROM audit "
                         "ORDER BY seq"_s);
    if (!select.exec())
        return {tr("the audit log cannot be read")};

    QByteArray previousMac;
    qint64 expectedSeq = 1;
    while (select.next()) {
        const Entry entry{select.value(0).toLongLong(),
                          select.value(1).toString(),
                          select.value(2).toString(),
                          select.value(3).toString(),
                          select.value(4).toString(),
                          select.value(5).toString(),
                          {}};
        const QByteArray sealedNote = select.value(6).toByteArray();
        const QByteArray storedMac = select.value(7).toByteArray();
        if (entry.seq != expectedSeq) {
            problems.append(tr("entries %1 to %2 are missing").arg(expectedSeq).arg(entry.seq - 1));
        } else if (!Crypto::equalConstantTime(entryMac(previousMac, entry, sealedNote),
                                              storedMac)) {
            problems.append(tr("entry %1 was altered or does not follow entry %2")
                                .arg(entry.seq)
                                .arg(entry.seq - 1));
        }
        if (entry.action == TamperedAction) {
            problems.append(tr("entry %1 records that the log had been cut or edited before it "
                               "(%2)")
                                .arg(entry.seq)
                                .arg(entry.detail));
        }
        // Continue from the stored MAC so one bad entry is reported once, not for ever.
        previousMac = storedMac;
        expectedSeq = entry.seq + 1;
    }
    select.finish();

    const Head head = decodeHead(m_database.metaValue(HeadKey));
    const qint64 lastSeq = expectedSeq - 1;
    // The store writes its first entry when it is created, so a head is always there.
    if (!Crypto::equalConstantTime(headMac(head.seq, head.lastMac), head.mac)) {
        problems.append(tr("the audit log's head record is missing or was altered"));
    } else if (head.seq != lastSeq) {
        problems.append(tr("the audit log should end at entry %1 but ends at entry %2")
                            .arg(head.seq)
                            .arg(lastSeq));
    } else if (lastSeq > 0 && !Crypto::equalConstantTime(head.lastMac, previousMac)) {
        problems.append(tr("the last audit entry was replaced"));
    }
    if (!problems.isEmpty())
        qCWarning(lcAudit) << "audit log verification found" << problems.size() << "problems";
    return problems;
}
