#pragma once

#include <QString>

// Names that are part of the store's on-disk format: the tables as the associated data of
// every sealed value names them ("sidep/v1|<table>|<row>|<column>", Vault::associatedData),
// the prefixes of the keyed hashes that seal clear state (Vault::stateMac), and the labels
// the keys are derived under (HKDF). Changing one makes every existing store unreadable:
// its values no longer open and its states no longer match their hashes. So each is
// written out here only, and none changes without a migration that seals everything again.
namespace StoreFormat {

// Tables whose values are sealed, as the associated data names them.
inline const QString ActivationWaitingTable = QStringLiteral("activation_waiting");
inline const QString AuditTable = QStringLiteral("audit");
inline const QString MetaTable = QStringLiteral("meta");
// In a station's file once its records are in a site database: "<UTC time> <site URL>".
inline const QString MovedToKey = QStringLiteral("store.movedTo");
inline const QString OutboxTable = QStringLiteral("outbox");
inline const QString RecordKeysTable = QStringLiteral("record_keys");
inline const QString RecordsTable = QStringLiteral("records");
inline const QString RecordVersionsTable = QStringLiteral("record_versions");
inline const QString ResultEntriesTable = QStringLiteral("result_entries");

// Associated data of a sealed value: this, then table|row|column.
inline const QString SealedValuePrefix = QStringLiteral("sidep/v1|");
// What a keyed hash of clear state covers starts with one of these.
inline const QString RecordStatePrefix = QStringLiteral("sidep/v1|record|");
inline const QString OutboxStatePrefix = QStringLiteral("sidep/v1|outbox|");
inline const QString StoreIdPrefix = QStringLiteral("sidep/v1|store-id|");

// HKDF labels of the keys derived from the data key (Vault) and the recovery key (Store).
inline constexpr char FieldKeyLabel[] = "sidep/v1/field-encryption";
inline constexpr char TubeIndexKeyLabel[] = "sidep/v1/tube-index";
inline constexpr char NameIndexKeyLabel[] = "sidep/v1/name-index";
inline constexpr char SearchBucketKeyLabel[] = "sidep/v1/search-bucket";
inline constexpr char AuditChainKeyLabel[] = "sidep/v1/audit-chain";
inline constexpr char StateMacKeyLabel[] = "sidep/v1/state-mac";
inline constexpr char RecoveryWrappingKeyLabel[] = "sidep/v1/recovery-wrapping";

} // namespace StoreFormat
