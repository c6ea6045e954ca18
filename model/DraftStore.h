#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>

class Store;

// A form in progress, kept encrypted in the store so that nothing typed is lost when the
// session locks, the program crashes or the power goes. One draft per user; it holds
// identifying data, so it is sealed like a record, and a draft left untouched for longer
// than the retention window is erased with the purged records (RecordPurge).
class DraftStore
{
    Q_DECLARE_TR_FUNCTIONS(DraftStore)

public:
    explicit DraftStore(Store& store);

    [[nodiscard]] bool save(const QJsonObject& form, QString* error,
                            const QDateTime& now = QDateTime::currentDateTimeUtc());
    // False when the signed-in user has no draft (or it does not decrypt: then it is kept).
    bool load(QJsonObject* form, QDateTime* savedAt = nullptr);
    [[nodiscard]] bool discard(QString* error);

private:
    Store& m_store;
};
