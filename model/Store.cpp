#include "Store.h"

#include "Crypto.h"
#include "Identifiers.h"
#include "Logging.h"
#include "Outbox.h"
#include "PasswordQuality.h"
#include "RecordPurge.h"
#include "RecordSeal.h"
#include "RecordStore.h"
#include "StoreFormat.h"
#include "StoreIdentity.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

const QString RecoveryActor = u"recovery"_s;
const QByteArray RecoverySlotKey = "recovery.wrapped";
constexpr int RecoveryKeyBytes = 20; // 160 bits, 32 base32 characters

QByteArray userSlotAad(const QString& name)
{
    return Vault::associatedData(u"users"_s, name, u"wrapped_key"_s);
}

QByteArray recoverySlotAad()
{
    return Vault::associatedData(StoreFormat::MetaTable, u"recovery"_s, u"wrapped_key"_s);
}

// RFC 4648 base32 without padding, in groups of four: easy to read aloud and to type.
const char Base32Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

QString encodeRecoveryKey(const SecureBytes& key)
{
    QString text;
    quint32 buffer = 0;
    int bits = 0;
    for (std::size_t i = 0; i < key.size(); ++i) {
        buffer = (buffer << 8) | key.data()[i];
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            text.append(QLatin1Char(Base32Alphabet[(buffer >> bits) & 0x1f]));
        }
    }
    if (bits > 0)
        text.append(QLatin1Char(Base32Alphabet[(buffer << (5 - bits)) & 0x1f]));
    QString grouped;
    for (qsizetype i = 0; i < text.size(); i += 4) {
        if (i > 0)
            grouped.append(u'-');
        grouped.append(text.mid(i, 4));
    }
    return grouped;
}

bool decodeRecoveryKey(const QString& text, SecureBytes* key)
{
    SecureBytes bytes(RecoveryKeyBytes);
    std::size_t written = 0;
    quint32 buffer = 0;
    int bits = 0;
    for (QChar ch : text) {
        if (ch == u'-' || ch.isSpace())
            continue;
        const char* found = std::strchr(Base32Alphabet, ch.toUpper().toLatin1());
        if (ch.unicode() > 127 || found == nullptr || *found == '\0')
            return false;
        buffer = (buffer << 5) | quint32(found - Base32Alphabet);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            if (written == bytes.size())
                return false;
            bytes.data()[written++] = static_cast<unsigned char>((buffer >> bits) & 0xff);
        }
    }
    if (written != bytes.size())
        return false;
    *key = std::move(bytes);
    return true;
}

SecureBytes recoveryWrappingKey(const SecureBytes& recoveryKey)
{
    // The recovery key is random and long, so a fast derivation is enough.
    return Crypto::hkdf(recoveryKey, StoreFormat::RecoveryWrappingKeyLabel);
}

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

} // namespace

Store::Store() = default;

Store::~Store()
{
    signOut();
}

namespace {

// A station's own settings, beside its store file: which site database it joined.
QString stationSettingsPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(u"station.ini"_s);
}

} // namespace

QString Store::defaultPath()
{
    const QString fromEnvironment = qEnvironmentVariable("SIDEP_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString joined =
        QSettings(stationSettingsPath(), QSettings::IniFormat).value(u"store"_s).toString();
    if (isSiteDatabase(joined))
        return joined;
    return defaultFilePath();
}

QString Store::defaultFilePath()
{
    // The local, not the roaming, folder: on Windows a roaming profile would copy the store
    // to a server at each log-off (on Linux both are ~/.local/share/<org>/<app>).
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    return QDir(folder).filePath(u"sidep-store.db"_s);
}

bool Store::rememberLocation(const QString& location)
{
    QSettings settings(stationSettingsPath(), QSettings::IniFormat);
    settings.setValue(u"store"_s, location);
    settings.sync();
    return settings.status() == QSettings::NoError;
}

bool Store::isSiteDatabase(const QString& location)
{
    return Database::isSiteDatabaseUrl(location);
}

bool Store::isValidUserName(const QString& name)
{
    static const QRegularExpression pattern(u"^[a-z0-9][a-z0-9._-]{0,63}$"_s);
    return name != RecoveryActor && pattern.match(name).hasMatch();
}

bool Store::isStrongEnough(const SecureBytes& password, const QString& userName, QString* error)
{
    return PasswordQuality::check(password, userName, error);
}

bool Store::initialize(const QString& path, const QString& siteFiness, const QString& adminName,
                       const SecureBytes& adminPassword, QString* recoveryKey, QString* error)
{
    const IdentifierCheck finess = Identifiers::checkFiness(siteFiness);
    if (!finess.valid) {
        *error = tr("site FINESS: %1").arg(finess.message);
        return false;
    }
    if (!isValidUserName(adminName)) {
        *error = tr("user name: use 1 to 64 lower-case letters, digits, '.', '_' or '-'");
        return false;
    }
    if (!isStrongEnough(adminPassword, adminName, error))
        return false;
    if (Database::isSiteDatabaseUrl(path)) {
        if (!m_database.open(path, true, error))
            return false;
        if (!Store::siteFiness().isEmpty()) {
            *error = tr("the site database %1 already holds a store").arg(m_database.path());
            return false;
        }
    } else {
        if (!Database::isFileLocation(path, error))
            return false;
        if (QFileInfo::exists(path) && QFileInfo(path).size() > 0) {
            *error = tr("a store already exists at %1").arg(path);
            return false;
        }
        if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
            *error = tr("cannot create the folder of %1").arg(path);
            return false;
        }
        if (!m_database.open(path, true, error))
            return false;
        // Only the owner may read the file; SQLite gives the -wal and -shm files the same mode.
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    }

    SecureBytes dataKey = Crypto::randomKey();
    const SecureBytes recovery = Crypto::randomKey(RecoveryKeyBytes);
    Transaction transaction(m_database);
    if (!transaction.begin(error))
        return false;
    // Under the write lock: another station may have initialised the site database first.
    if (!Store::siteFiness().isEmpty()) {
        *error = tr("the site database %1 already holds a store").arg(m_database.path());
        return false;
    }
    if (!m_database.setMetaValue(u"site.finess"_s, finess.canonical.toUtf8(), error) ||
        !m_database.setMetaValue(u"store.createdAt"_s, nowText().toUtf8(), error) ||
        !m_database.setMetaValue(
            QString::fromLatin1(RecoverySlotKey),
            Crypto::seal(recoveryWrappingKey(recovery), dataKey.view(), recoverySlotAad()),
            error)) {
        return false;
    }
    unlock(std::move(dataKey), Account{adminName, Role::Admin, false, 0, {}, {}});
    if (!writeKeySlot(adminName, Role::Admin, adminPassword, true, error) ||
        !audit(u"store.create"_s, {}, u"site FINESS %1"_s.arg(finess.canonical), error) ||
        !Outbox::noteSealedFromCreation(*this, error) || !StoreIdentity::create(*this, error) ||
        !audit(u"user.create"_s, {}, u"user %1 role admin"_s.arg(adminName), error) ||
        !RecordSeal::sealLegacyRows(*this, error) || !transaction.commit(error)) {
        signOut();
        return false;
    }
    *recoveryKey = encodeRecoveryKey(recovery);
    qCInfo(lcStore) << "store created";
    return true;
}

bool Store::openSiteDatabase(const QString& url, bool* empty, QString* error)
{
    if (!m_database.open(url, true, error))
        return false;
    *empty = siteFiness().isEmpty();
    return true;
}

bool Store::siteDatabaseAnswers(const QString& url, QString* error)
{
    return Database::siteDatabaseAnswers(url, error);
}

bool Store::open(const QString& path, QString* error)
{
    if (!m_database.open(path, false, error))
        return false;
    if (siteFiness().isEmpty()) {
        *error = tr("%1 is not an initialised store").arg(m_database.path());
        return false;
    }
    return true;
}

Store::Moved Store::movedTo()
{
    const QString value = QString::fromUtf8(m_database.metaValue(StoreFormat::MovedToKey));
    if (value.isEmpty())
        return {};
    return {value.section(u' ', 1), QDateTime::fromString(value.section(u' ', 0, 0), Qt::ISODate)};
}

QString Store::siteFiness()
{
    return QString::fromUtf8(m_database.metaValue(u"site.finess"_s));
}

QString Store::setting(const QString& key, const QString& defaultValue)
{
    const QByteArray value = m_database.metaValue(key);
    return value.isEmpty() ? defaultValue : QString::fromUtf8(value);
}

bool Store::setSetting(const QString& key, const QString& value, QString* error)
{
    if (!require(Permission::ManageSettings, error))
        return false;
    // The store's own bookkeeping shares the meta table; settings never overwrite it.
    static const QStringList Reserved = {u"site.finess"_s,    u"store.createdAt"_s,
                                         u"store.id"_s,       u"store.id.mac"_s,
                                         u"audit.head"_s,     u"labels.next"_s,
                                         u"search.buckets"_s, u"stats.resultTally"_s,
                                         u"schema.version"_s, QString::fromLatin1(RecoverySlotKey)};
    // The sync settings have their own checks (SyncSettings): not through here.
    if (Reserved.contains(key) || key.startsWith(u"sync."_s)) {
        *error = tr("%1 is not a setting").arg(key);
        return false;
    }
    QString stored = value;
    if (key == u"auth.maxFailedAttempts"_s || key == u"auth.lockMinutes"_s) {
        const int limit = key == u"auth.lockMinutes"_s ? LockMinutesLimit : MaxFailedAttemptsLimit;
        bool ok = false;
        const int number = value.trimmed().toInt(&ok);
        if (!ok || number < 1 || number > limit) {
            *error = tr("%1: must be a whole number from 1 to %2").arg(key).arg(limit);
            return false;
        }
        stored = QString::number(number);
    } else if (key == RecordPurge::RetentionSetting) {
        int days = 0;
        if (!RecordPurge::checkRetentionDays(value, &days, error))
            return false;
        stored = QString::number(days);
    }
    Transaction transaction(m_database);
    return transaction.begin(error) && m_database.setMetaValue(key, stored.toUtf8(), error) &&
           audit(u"settings.change"_s, {}, key, error) && transaction.commit(error);
}

QByteArray Store::metaValue(const QString& key)
{
    return m_database.metaValue(key);
}

bool Store::setMetaValues(const QList<std::pair<QString, QByteArray>>& values,
                          const AuditLog::NewEntry& entry, QString* error)
{
    Transaction transaction(m_database);
    if (!transaction.begin(error))
        return false;
    for (const auto& [key, value] : values) {
        if (!m_database.setMetaValue(key, value, error))
            return false;
    }
    return audit({entry}, error) && transaction.commit(error);
}

bool Store::takeLabelNumbers(int count, qint64* first, QString* error)
{
    if (!require(Permission::CreateRecord, error))
        return false;
    Transaction transaction(m_database);
    if (!transaction.begin(error))
        return false;
    bool ok = false;
    qint64 next = m_database.metaValue(u"labels.next"_s).toLongLong(&ok);
    if (!ok || next < 1)
        next = 1;
    if (!m_database.setMetaValue(u"labels.next"_s, QByteArray::number(next + count), error) ||
        !audit(u"labels.print"_s, {}, u"%1 from %2"_s.arg(count).arg(next), error) ||
        !transaction.commit(error)) {
        return false;
    }
    *first = next;
    return true;
}

int Store::settingValue(const QString& key, int defaultValue)
{
    bool ok = false;
    const int value = m_database.metaValue(key).toInt(&ok);
    return ok ? value : defaultValue;
}

std::optional<Account> Store::account(const QString& name)
{
    QSqlQuery& select =
        m_database.query(u"SELECT role, disabled, failed_attempts, locked_until, created_at "
                         "FROM users WHERE name = ?"_s);
    select.bindValue(0, name);
    std::optional<Account> result;
    if (select.exec() && select.next()) {
        Account account;
        account.name = name;
        account.role = roleFromName(select.value(0).toString()).value_or(Role::Nurse);
        account.disabled = select.value(1).toBool();
        account.failedAttempts = select.value(2).toInt();
        account.lockedUntil = QDateTime::fromString(select.value(3).toString(), Qt::ISODate);
        account.createdAt = QDateTime::fromString(select.value(4).toString(), Qt::ISODate);
        result = account;
    }
    select.finish();
    return result;
}

QList<Account> Store::users()
{
    QList<Account> result;
    QSqlQuery& select = m_database.query(u"SELECT name FROM users ORDER BY name"_s);
    QStringList names;
    if (select.exec()) {
        while (select.next())
            names.append(select.value(0).toString());
    }
    select.finish();
    for (const QString& name : std::as_const(names)) {
        if (const auto found = account(name))
            result.append(*found);
    }
    return result;
}

bool Store::signIn(const QString& name, const SecureBytes& password, QString* error)
{
    signOut();
    const QString refused = tr("unknown user or wrong password");
    const std::optional<Account> user = account(name);
    if (!user) {
        keepRefusal({}, u"unknown account"_s);
        *error = refused;
        return false;
    }
    if (user->disabled) {
        keepRefusal(name, u"account disabled"_s);
        *error = tr("the account %1 is disabled").arg(name);
        return false;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (user->lockedUntil.isValid() && user->lockedUntil > now) {
        keepRefusal(name, u"account locked"_s);
        *error = tr("the account %1 is locked after too many wrong passwords; try again at %2")
                     .arg(name, user->lockedUntil.toLocalTime().toString(u"HH:mm"_s));
        return false;
    }

    QSqlQuery& select = m_database.query(u"SELECT kdf, wrapped_key FROM users WHERE name = ?"_s);
    select.bindValue(0, name);
    QByteArray kdfJson;
    QByteArray wrapped;
    if (select.exec() && select.next()) {
        kdfJson = select.value(0).toByteArray();
        wrapped = select.value(1).toByteArray();
    }
    select.finish();

    KdfParameters params;
    SecureBytes wrappingKey;
    SecureBytes dataKey;
    if (!KdfParameters::fromJson(QJsonDocument::fromJson(kdfJson).object(), &params, error) ||
        !params.derive(password, &wrappingKey, error)) {
        return false;
    }
    if (!Crypto::openKey(wrappingKey, wrapped, userSlotAad(name), &dataKey)) {
        // Count in SQL so that two processes failing at once both count.
        // Out-of-range values (an edited file) fall back to the default policy.
        int maxAttempts = settingValue(u"auth.maxFailedAttempts"_s, DefaultMaxFailedAttempts);
        if (maxAttempts < 1 || maxAttempts > MaxFailedAttemptsLimit)
            maxAttempts = DefaultMaxFailedAttempts;
        int lockMinutes = settingValue(u"auth.lockMinutes"_s, DefaultLockMinutes);
        if (lockMinutes < 1 || lockMinutes > LockMinutesLimit)
            lockMinutes = DefaultLockMinutes;
        QSqlQuery& count = m_database.query(
            u"UPDATE users SET failed_attempts = failed_attempts + 1 WHERE name = ? "
            "RETURNING failed_attempts"_s);
        count.bindValue(0, name);
        int attempts = user->failedAttempts + 1;
        if (count.exec() && count.next())
            attempts = count.value(0).toInt();
        count.finish();
        if (attempts % maxAttempts == 0) {
            QSqlQuery& lock =
                m_database.query(u"UPDATE users SET locked_until = ? WHERE name = ?"_s);
            lock.bindValue(0, now.addSecs(lockMinutes * 60).toString(Qt::ISODate));
            lock.bindValue(1, name);
            QString ignored;
            if (!m_database.exec(lock, &ignored))
                qCWarning(lcStore) << "cannot lock an account:" << ignored;
            *error = tr("wrong password; the account %1 is now locked for %2 minutes")
                         .arg(name)
                         .arg(lockMinutes);
        } else {
            *error = tr("unknown user or wrong password (%n attempt(s) left before the account "
                        "locks)",
                        nullptr, maxAttempts - attempts % maxAttempts);
        }
        keepRefusal(name, u"wrong password"_s);
        qCInfo(lcStore) << "sign-in refused: wrong password";
        return false;
    }

    unlock(std::move(dataKey), *user);
    Transaction transaction(m_database);
    if (!transaction.begin(error))
        return false;
    QSqlQuery& reset = m_database.query(
        u"UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE name = ?"_s);
    reset.bindValue(0, name);
    const QString detail = user->failedAttempts > 0
                               ? u"after %1 failed attempts"_s.arg(user->failedAttempts)
                               : QString();
    if (!m_database.exec(reset, error) || !auditRefusals(error) ||
        !audit(u"auth.signin"_s, {}, detail, error) || !RecordSeal::sealLegacyRows(*this, error) ||
        !transaction.commit(error)) {
        signOut();
        return false;
    }
    return true;
}

bool Store::signInWithRecoveryKey(const QString& recoveryKey, QString* error)
{
    signOut();
    SecureBytes recovery;
    SecureBytes dataKey;
    if (!decodeRecoveryKey(recoveryKey, &recovery) ||
        !Crypto::openKey(recoveryWrappingKey(recovery),
                         m_database.metaValue(QString::fromLatin1(RecoverySlotKey)),
                         recoverySlotAad(), &dataKey)) {
        keepRefusal({}, u"wrong recovery key"_s);
        *error = tr("this recovery key does not open the store");
        return false;
    }
    unlock(std::move(dataKey), Account{RecoveryActor, Role::Admin, false, 0, {}, {}});
    Transaction transaction(m_database);
    if (!transaction.begin(error) || !auditRefusals(error) ||
        !audit(u"auth.recovery"_s, {}, {}, error) || !RecordSeal::sealLegacyRows(*this, error) ||
        !transaction.commit(error)) {
        signOut();
        return false;
    }
    return true;
}

void Store::unlock(SecureBytes dataKey, const Account& user)
{
    m_user = user;
    m_vault = std::make_unique<Vault>(std::move(dataKey));
    m_auditLog = std::make_unique<AuditLog>(m_database, *m_vault);
    m_recordKeys = std::make_unique<RecordKeys>(m_database, *m_vault);
    m_records = std::make_unique<RecordStore>(*this);
}

void Store::signOut()
{
    m_records.reset();
    m_recordKeys.reset(); // wipes the records' keys
    m_auditLog.reset();
    m_vault.reset(); // wipes the keys
    m_user = Account{};
    m_refusedSignIns = {};
}

void Store::keepRefusal(const QString& account, const QString& reason)
{
    // One statement: two stations refusing at once cannot both pass the limit.
    QSqlQuery& keep =
        m_database.query(u"INSERT INTO signin_refusals (at, account, reason) SELECT ?, ?, ? "
                         "WHERE (SELECT count(*) FROM signin_refusals) < ?"_s);
    keep.bindValue(0, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    keep.bindValue(1, account.isEmpty() ? QVariant() : QVariant(account));
    keep.bindValue(2, reason);
    keep.bindValue(3, MaxKeptRefusals);
    QString problem;
    bool kept = m_database.exec(keep, &problem);
    if (kept && keep.numRowsAffected() == 0) {
        QSqlQuery& count =
            m_database.query(u"INSERT INTO meta (key, value) VALUES ('signin.refusalsNotKept', 1) "
                             "ON CONFLICT (key) DO UPDATE SET value = value + 1"_s);
        kept = m_database.exec(count, &problem);
    }
    // Never the name: it may be a password typed into the wrong field.
    if (!kept)
        qCWarning(lcStore) << "cannot keep a refused sign-in:" << problem;
}

bool Store::auditRefusals(QString* error)
{
    m_refusedSignIns = {};
    QList<AuditLog::NewEntry> entries;
    QSqlQuery& select =
        m_database.query(u"SELECT at, account, reason FROM signin_refusals ORDER BY id"_s);
    if (!m_database.exec(select, error))
        return false;
    while (select.next()) {
        const QString at = select.value(0).toString();
        const QString account = select.value(1).toString();
        entries.append({u"auth.refused"_s,
                        {},
                        u"%1 %2: %3"_s.arg(at, account.isEmpty() ? u"(no such account)"_s : account,
                                           select.value(2).toString()),
                        {}});
        if (!account.isEmpty() && account == m_user.name) {
            ++m_refusedSignIns.count;
            m_refusedSignIns.last = QDateTime::fromString(at, Qt::ISODateWithMs);
        }
    }
    select.finish();
    const int notKept = m_database.metaValue(u"signin.refusalsNotKept"_s).toInt();
    if (notKept > 0) {
        entries.append(
            {u"auth.refused"_s,
             {},
             u"%1 more refused sign-ins, not kept one by one (limit %2)"_s.arg(notKept).arg(
                 MaxKeptRefusals),
             {}});
    }
    if (entries.isEmpty())
        return true;
    QSqlQuery& clear = m_database.query(u"DELETE FROM signin_refusals"_s);
    QSqlQuery& clearCount =
        m_database.query(u"DELETE FROM meta WHERE key = 'signin.refusalsNotKept'"_s);
    return m_database.exec(clear, error) && m_database.exec(clearCount, error) &&
           audit(entries, error);
}

bool Store::require(Permission permission, QString* error) const
{
    if (!isSignedIn()) {
        *error = tr("sign in first");
        return false;
    }
    if (!roleAllows(m_user.role, permission)) {
        *error =
            tr("the role %1 of %2 does not allow this").arg(roleName(m_user.role), m_user.name);
        return false;
    }
    return true;
}

bool Store::writeKeySlot(const QString& name, Role role, const SecureBytes& password, bool insert,
                         QString* error)
{
    const KdfParameters params = KdfParameters::fresh();
    SecureBytes wrappingKey;
    if (!params.derive(password, &wrappingKey, error))
        return false;
    const QByteArray wrapped =
        Crypto::seal(wrappingKey, m_vault->dataKey().view(), userSlotAad(name));
    const QByteArray kdf = QJsonDocument(params.toJson()).toJson(QJsonDocument::Compact);
    QSqlQuery& write = m_database.query(
        insert ? u"INSERT INTO users (name, role, kdf, wrapped_key, created_at, "
                 "password_changed_at) VALUES (:name, :role, :kdf, :key, :now, :now)"_s
               : u"UPDATE users SET role = :role, kdf = :kdf, wrapped_key = :key, "
                 "failed_attempts = 0, locked_until = NULL, password_changed_at = :now "
                 "WHERE name = :name"_s);
    write.bindValue(u":name"_s, name);
    write.bindValue(u":role"_s, roleName(role));
    write.bindValue(
        u":kdf"_s, QString::fromUtf8(kdf)); // a TEXT column (PostgreSQL would take bytes for bytea)
    write.bindValue(u":key"_s, wrapped);
    write.bindValue(u":now"_s, nowText());
    return m_database.exec(write, error);
}

bool Store::addUser(const QString& name, Role role, const SecureBytes& password, QString* error)
{
    if (!require(Permission::ManageAccounts, error))
        return false;
    if (!isValidUserName(name)) {
        *error = tr("user name: use 1 to 64 lower-case letters, digits, '.', '_' or '-'");
        return false;
    }
    if (account(name)) {
        *error = tr("the user %1 already exists").arg(name);
        return false;
    }
    if (!isStrongEnough(password, name, error))
        return false;
    Transaction transaction(m_database);
    return transaction.begin(error) && writeKeySlot(name, role, password, true, error) &&
           audit(u"user.create"_s, {}, u"user %1 role %2"_s.arg(name, roleName(role)), error) &&
           transaction.commit(error);
}

bool Store::disableUser(const QString& name, QString* error)
{
    if (!require(Permission::ManageAccounts, error))
        return false;
    if (!account(name)) {
        *error = tr("no user named %1").arg(name);
        return false;
    }
    if (name == m_user.name) {
        *error = tr("an administrator cannot disable their own account");
        return false;
    }
    Transaction transaction(m_database);
    if (!transaction.begin(error))
        return false;
    // The wrapped key goes too: a disabled account can no longer open the store even if
    // someone flips the flag back in the file.
    QSqlQuery& update =
        m_database.query(u"UPDATE users SET disabled = 1, wrapped_key = x'' WHERE name = ?"_s);
    update.bindValue(0, name);
    return m_database.exec(update, error) &&
           audit(u"user.disable"_s, {}, u"user %1"_s.arg(name), error) && transaction.commit(error);
}

bool Store::setRole(const QString& name, Role role, QString* error)
{
    if (!require(Permission::ManageAccounts, error))
        return false;
    const std::optional<Account> target = account(name);
    if (!target || target->disabled) {
        *error = tr("no active user named %1").arg(name);
        return false;
    }
    if (target->role == Role::Admin && role != Role::Admin) {
        int admins = 0;
        for (const Account& other : users())
            admins += other.role == Role::Admin && !other.disabled ? 1 : 0;
        if (admins <= 1) {
            *error = tr("%1 is the last administrator: name another one first").arg(name);
            return false;
        }
    }
    Transaction transaction(m_database);
    QSqlQuery& update = m_database.query(u"UPDATE users SET role = ? WHERE name = ?"_s);
    update.bindValue(0, roleName(role));
    update.bindValue(1, name);
    return transaction.begin(error) && m_database.exec(update, error) &&
           audit(u"user.role"_s, {}, u"user %1 role %2"_s.arg(name, roleName(role)), error) &&
           transaction.commit(error);
}

bool Store::setPassword(const QString& name, const SecureBytes& password, QString* error)
{
    if (!isSignedIn()) {
        *error = tr("sign in first");
        return false;
    }
    if (name != m_user.name && !require(Permission::ManageAccounts, error))
        return false;
    const std::optional<Account> target = account(name);
    if (!target) {
        *error = tr("no user named %1").arg(name);
        return false;
    }
    if (target->disabled) {
        *error = tr("the account %1 is disabled").arg(name);
        return false;
    }
    if (!isStrongEnough(password, name, error))
        return false;
    Transaction transaction(m_database);
    return transaction.begin(error) && writeKeySlot(name, target->role, password, false, error) &&
           audit(u"user.password"_s, {}, u"user %1"_s.arg(name), error) &&
           transaction.commit(error);
}

bool Store::rotateRecoveryKey(QString* recoveryKey, QString* error)
{
    if (!require(Permission::ManageAccounts, error))
        return false;
    const SecureBytes recovery = Crypto::randomKey(RecoveryKeyBytes);
    Transaction transaction(m_database);
    if (!transaction.begin(error) ||
        !m_database.setMetaValue(QString::fromLatin1(RecoverySlotKey),
                                 Crypto::seal(recoveryWrappingKey(recovery),
                                              m_vault->dataKey().view(), recoverySlotAad()),
                                 error) ||
        !audit(u"recovery.rotate"_s, {}, {}, error) || !transaction.commit(error)) {
        return false;
    }
    *recoveryKey = encodeRecoveryKey(recovery);
    return true;
}

bool Store::backup(const QString& path, QString* error)
{
    if (!require(Permission::ManageSettings, error) || !m_database.backupTo(path, error))
        return false;
    // The path stays out of the log: it may name a person's folder.
    if (!audit(u"store.backup"_s, {}, {}, error))
        return false;
    qCInfo(lcStore) << "backup made";
    return true;
}

bool Store::audit(const QString& action, const QString& recordId, const QString& detail,
                  QString* error, const QString& note)
{
    return audit({AuditLog::NewEntry{action, recordId, detail, note}}, error);
}

bool Store::audit(const QList<AuditLog::NewEntry>& entries, QString* error)
{
    if (!m_auditLog) {
        *error = tr("sign in first");
        return false;
    }
    if (m_database.inTransaction())
        return m_auditLog->append(m_user.name, entries, error);
    // An entry is two writes (the entry and the chain's head): never one without the other.
    Transaction transaction(m_database);
    return transaction.begin(error) && m_auditLog->append(m_user.name, entries, error) &&
           transaction.commit(error);
}
